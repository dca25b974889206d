import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A file `npm run build` wrote next to Next's own output (e.g. `.next/csp-hashes.json`). */
export function buildOutputPath(name: string): string {
  // Built at run time so file tracing never follows it into the whole dist folder.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR || '.next', name);
}

/** That file's JSON, or null when this build has none (a bare `next build`, or development). */
export function readBuildOutput<T>(name: string): T | null {
  try {
    return JSON.parse(readFileSync(buildOutputPath(name), 'utf8')) as T;
  } catch {
    return null;
  }
}
