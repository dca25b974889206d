// The version of the content pipeline, for the build cache (lib/content/build-cache.ts):
// a hash of the code that turns a review into pages (lib/content, the MDX and
// Open Graph components) and of the lockfile (every compiler, plugin, KaTeX,
// Shiki and font version). Computed once per build in next.config.ts, where the
// sources are on disk; a change to any of them misses every cache entry.
// No 'server-only': next.config.ts imports it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// lib/search/documents.ts and tokenize.ts: the parse cache keeps each review's search documents too.
const PIPELINE_SOURCES = ['lib/content', 'lib/search/documents.ts', 'lib/search/tokenize.ts', 'components/mdx', 'components/og', 'components/review/review-body.tsx', 'package-lock.json'];

export function contentPipelineVersion(root = process.cwd()): string {
  const hash = createHash('sha256');
  const visit = (relative: string) => {
    const absolute = path.join(root, relative);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      return; // not in this checkout (a trimmed deployment): nothing to hash
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(absolute).sort()) visit(path.join(relative, name));
      return;
    }
    hash.update(relative).update('\0').update(readFileSync(absolute)).update('\0');
  };
  for (const source of PIPELINE_SOURCES) visit(source);
  return hash.digest('hex').slice(0, 32);
}
