// Runs before `npm run dev`: a fresh clone gets a NEXTAUTH_SECRET in .env.local
// once, so sign-in works with zero setup. Not before `npm start`: a production
// server must be configured on purpose, and refuses to start without it.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const file = '.env.local';
const hasSecret = (text) => /^\s*NEXTAUTH_SECRET\s*=\s*\S+/m.test(text);

if (process.env.NEXTAUTH_SECRET || process.env.VERCEL || process.env.CI) process.exit(0);
if (existsSync(file) && hasSecret(readFileSync(file, 'utf8'))) process.exit(0);

const secret = randomBytes(32).toString('base64url');
appendFileSync(
  file,
  `${existsSync(file) ? '\n' : ''}# Generated for local use by scripts/ensure-local-env.mjs; never commit it.\nNEXTAUTH_SECRET=${secret}\n`,
);
console.log(`Wrote a new NEXTAUTH_SECRET to ${file}.`);
