import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cacheEntryPath, isPlainJson, readCacheEntry, writeCacheEntry } from '@/lib/content/cache-store';
import type { ContentFile } from '@/lib/content/source/files';
import { parseReviewWithTree, type Review } from '@/lib/content/source/parse-review';
import { fileStates, rememberParse, rememberedParse, type ParsedFile } from '@/lib/content/source/parsed-memory';
import { reviewDocuments } from '@/lib/search/documents';

export type { ParsedFile } from '@/lib/content/source/parsed-memory';

/** What the build cache keeps per review file: the parse, and its images' `mtime:size` when it was made. */
type CachedParse = { version: 1; assets: string; parsed: ParsedFile };

/**
 * Each review file parsed once per build, whoever asks first: the content
 * check, a build worker's content index, the catalog or the search documents
 * (all reach it through buildIndex). In one process a file is parsed again only
 * when its text or one of its images changed (`next dev` rebuilds the index
 * after every save); across processes and builds the parse is kept in the
 * build cache (lib/content/cache-store.ts) under a hash of the file's path,
 * slug, root and text plus the pipeline version, and is used only while the
 * images it read still have the `mtime:size` they had. So the static-generation
 * workers read what the check parsed, and a rebuild after one edit parses one
 * file. Problems are kept with their `file:line:column`, as they were found.
 */
export function parsedFile(entry: Pick<ContentFile, 'file' | 'slug'>, root: string): ParsedFile {
  const raw = readFileSync(entry.file, 'utf8');
  const known = rememberedParse(entry.file, raw, entry.slug, root);
  if (known) return known;

  const cacheFile = cacheEntryPath('parsed', { file: entry.file, slug: entry.slug, root, text: createHash('sha256').update(raw).digest('hex') });
  let parsed = cacheFile ? readCachedParse(cacheFile) : null;
  let assets = parsed ? fileStates(parsed.review.assetFiles) : '';
  if (!parsed) {
    const { review, tree } = parseReviewWithTree(raw, entry, root);
    parsed = { review, documents: tree ? reviewDocuments(review, tree) : [] };
    assets = fileStates(review.assetFiles);
    if (cacheFile && isPlainJson(parsed)) writeCacheEntry(cacheFile, JSON.stringify({ version: 1, assets, parsed } satisfies CachedParse));
  }
  rememberParse(entry.file, raw, entry.slug, root, assets, parsed);
  return parsed;
}

/** The cached parse, or null when there is none, it is damaged, or an image it read has changed since. */
function readCachedParse(file: string): ParsedFile | null {
  const bytes = readCacheEntry(file);
  if (!bytes) return null;
  try {
    const entry = JSON.parse(bytes.toString('utf8')) as CachedParse;
    if (entry.version !== 1 || entry.assets !== fileStates(entry.parsed.review.assetFiles)) return null;
    return entry.parsed;
  } catch {
    return null; // a damaged entry is parsed again
  }
}

/** The review of one file, parsed at most once per build (parsedFile). */
export function parseReviewCached(entry: ContentFile, root: string): Review {
  return parsedFile(entry, root).review;
}
