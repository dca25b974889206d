import { getContentIndex, type ContentIndex } from '@/lib/content/index/content-index';
import { buildSearchDocuments } from '@/lib/search/documents';
import { serializeSearchIndex, type SearchIndexFiles } from '@/lib/search/engine';

let built: { index: ContentIndex; files: SearchIndexFiles } | undefined;

/**
 * The site's search index files, built once per content index: the head
 * route and every shard route of a build read the same files (their shared
 * key says so). Under `next dev` an edited review makes a new content index,
 * so a new key.
 */
export function siteSearchIndex(): SearchIndexFiles {
  const index = getContentIndex();
  if (built?.index !== index) built = { index, files: serializeSearchIndex(buildSearchDocuments(index)) };
  return built.files;
}
