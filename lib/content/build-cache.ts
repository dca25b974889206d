import 'server-only';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
 * Several build workers write at once: each entry is written to a temporary
 * file and renamed, so a reader sees a whole entry or none.
 */
export async function buildCached<T>(
  namespace: string,
  inputs: unknown,
  produce: () => Promise<T>,
  codec: { encode: (value: T) => Buffer | string | null; decode: (bytes: Buffer) => T },
): Promise<T> {
  const version = process.env.CONTENT_PIPELINE_VERSION;
  if (!version) return produce();
  const key = createHash('sha256').update(version).update('\0').update(JSON.stringify(inputs)).digest('hex');
  const file = path.join(/* turbopackIgnore: true */ buildCacheDir(), namespace, key);
  let bytes: Buffer | null = null;
  try {
    bytes = readFileSync(file);
  } catch {
    // not cached yet
  }
  if (bytes) {
    try {
      return codec.decode(bytes);
    } catch {
      // a damaged entry is rebuilt below
    }
  }
  const value = await produce();
  const encoded = codec.encode(value);
  if (encoded !== null) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, encoded);
      renameSync(temporary, file);
    } catch {
      // A cache that cannot be written (read-only folder, full disk) only makes the next build slower.
    }
  }
  return value;
}

/** `.next/cache/papers-review` of the project, or CONTENT_CACHE_DIR (tests). */
export function buildCacheDir(): string {
  const override = process.env.CONTENT_CACHE_DIR;
  return override ? path.resolve(/* turbopackIgnore: true */ override) : path.join(/* turbopackIgnore: true */ process.cwd(), '.next', 'cache', 'papers-review');
}

/** A codec for values made of JSON only; values holding anything else (a Date) are not cached. */
export const jsonCodec = {
  encode: (value: unknown) => (isPlainJson(value) ? JSON.stringify(value) : null),
  decode: (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as never,
};

function isPlainJson(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainJson);
}
