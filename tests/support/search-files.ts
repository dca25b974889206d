import { loadSearchIndex, type SearchIndexFiles, type ShardedSearchIndex } from '@/lib/search/engine';

/**
 * The browser index served from memory: `fetched` collects each shard path
 * as the browser would request it (each once, the index keeps them).
 */
export function openSearchFiles({ head, files }: SearchIndexFiles, fetched: string[] = []): ShardedSearchIndex {
  return loadSearchIndex(head, (path) => {
    fetched.push(path);
    const body = files.get(path);
    return body === undefined ? Promise.reject(new Error(`404 ${path}`)) : Promise.resolve(JSON.parse(body) as unknown);
  });
}
