// Runs `prisma generate` (writes the client to lib/generated/prisma) in a way
// that works offline. Used by `postinstall` and `npm run db:generate`.
//
// Prisma 7's CLI wants its native schema engine before any command and tries
// to download it when missing, which fails without internet. `generate` never
// calls that engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// executable (node itself) skips the download. A real engine configured by the
// caller is left alone.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let cli;
try {
  cli = require.resolve('prisma/build/index.js');
} catch {
  // `npm ci --omit=dev` has no CLI; the client must then come from a build
  // made where dev dependencies were installed.
  console.warn('[prisma-generate] prisma CLI not installed (dev dependency); skipping generate.');
  process.exit(0);
}

const result = spawnSync(process.execPath, [cli, 'generate', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
