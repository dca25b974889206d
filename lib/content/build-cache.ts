import 'server-only';
import { buildCacheDir, cacheEntryPath, isPlainJson, readCacheEntry, writeCacheEntry } from '@/lib/content/cache-store';

/**
 * What a production build made for a review (its compiled MDX, its Open
 * Graph card), kept for the next build in `.next/cache`, the folder Vercel
 * restores between deployments and `next build` keeps locally. An entry is
 * named by a hash of everything that went into it plus
 * CONTENT_PIPELINE_VERSION (lib/content/pipeline-version.ts: the compiler's own
 * code and the lockfile), so an edited review, a changed image (its URL
 * carries its content hash) or a changed pipeline misses the cache, and
 * nothing stale is ever served.
 *
 * Only builds set CONTENT_PIPELINE_VERSION (next.config.ts); `next dev`
 * keeps compiled reviews in memory instead and never reads this folder.
 * Several build workers write at once: entries are written whole, then
 * renamed into place (lib/content/cache-store.ts).
 */
export async function buildCached<T>(
  namespace: string,
  inputs: unknown,
  produce: () => Promise<T>,
  codec: { encode: (value: T) => Buffer | string | null; decode: (bytes: Buffer) => T },
): Promise<T> {
  const file = cacheEntryPath(namespace, inputs);
  if (!file) return produce();
  const bytes = readCacheEntry(file);
  if (bytes) {
    try {
      return codec.decode(bytes);
    } catch {
      // a damaged entry is rebuilt below
    }
  }
  const value = await produce();
  const encoded = codec.encode(value);
  if (encoded !== null) writeCacheEntry(file, encoded);
  return value;
}

export { buildCacheDir };

/** A codec for values made of JSON only; values holding anything else (a Date) are not cached. */
export const jsonCodec = {
  encode: (value: unknown) => (isPlainJson(value) ? JSON.stringify(value) : null),
  decode: (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as never,
};
