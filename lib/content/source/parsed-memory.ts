// What this process has parsed, by file (lib/content/source/parsed-file.ts
// fills it). Its own module so that the search documents can read it without
// importing the parser that imports them.
import { statSync } from 'node:fs';
import type { Review } from '@/lib/content/source/parse-review';
import type { SearchDocument } from '@/lib/search/documents';

/** One review file, parsed once: what the index, the check, the catalog, the feeds and search read of it. */
export type ParsedFile = { review: Review; documents: SearchDocument[] };

type Remembered = { root: string; slug: string; raw: string; assets: string; parsed: ParsedFile };

const remembered = new Map<string, Remembered>();

/** `mtime:size` of each file, `-` for a missing one: what a review's images looked like when it was parsed. */
export function fileStates(files: string[]): string {
  return files
    .map((file) => {
      try {
        const stats = statSync(file);
        return `${stats.mtimeMs}:${stats.size}`;
      } catch {
        return '-';
      }
    })
    .join('|');
}

/**
 * The parse of `file` when it was made from this very text and its images are
 * unchanged since (the text, not the file time, decides: two saves within one
 * clock tick can leave the time unchanged); null otherwise.
 */
export function rememberedParse(file: string, raw: string, slug: string, root?: string): ParsedFile | null {
  const known = remembered.get(file);
  if (!known || known.raw !== raw || known.slug !== slug || (root !== undefined && known.root !== root)) return null;
  return known.assets === fileStates(known.parsed.review.assetFiles) ? known.parsed : null;
}

export function rememberParse(file: string, raw: string, slug: string, root: string, assets: string, parsed: ParsedFile): void {
  remembered.set(file, { root, slug, raw, assets, parsed });
}
