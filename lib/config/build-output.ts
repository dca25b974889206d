import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A file `npm run build` wrote next to Next's own output (e.g. `.next/csp-hashes.json`). */
export function buildOutputPath(name: string): string {
  // Built at run time so file tracing never follows it into the whole dist folder.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR || '.next', name);
}

/**
 * That file's JSON, or null when this build has none (a bare `next build`,
 * or development). A file that exists but cannot be read or parsed is a
 * broken build, and says so rather than passing for a missing one.
 */
export function readBuildOutput<T>(name: string): T | null {
  const file = buildOutputPath(name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); rebuild with \`npm run build\`.`);
  }
}
