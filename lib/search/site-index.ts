import { getContentIndex } from '@/lib/content/index/content-index';
import { buildSearchDocuments } from '@/lib/search/documents';
import { serializeSearchIndex, type SearchIndexFiles } from '@/lib/search/engine';

let built: SearchIndexFiles | undefined;

/**
 * The site's search index files, built once per build worker: the head route
 * and every shard route read the same build (their shared key says so).
 */
export function siteSearchIndex(): SearchIndexFiles {
  built ??= serializeSearchIndex(buildSearchDocuments(getContentIndex()));
  return built;
}
