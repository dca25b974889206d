import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CSP_MANIFEST_FILE, type CspHashManifest } from './csp';

const empty: CspHashManifest = { routes: {}, fallback: [] };
let cached: CspHashManifest | undefined;

/**
 * The hash manifest of this build, read once. In development every page
 * renders on request (nonce), so there is none. A production build made with
 * `next build` alone lacks it: pages then render but their scripts are
 * blocked, and this says why.
 */
export function loadCspManifest(): CspHashManifest {
  if (cached) return cached;
  if (process.env.NODE_ENV !== 'production') return (cached = empty);
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR || '.next', CSP_MANIFEST_FILE);
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as CspHashManifest;
  } catch {
    console.error(`[csp] ${file} is missing: build with \`npm run build\` (next build, then scripts/csp-hashes.ts), or prerendered pages cannot run their scripts.`);
    cached = empty;
  }
  return cached;
}
