// The files behind the build cache (lib/content/build-cache.ts), without its
// 'server-only' marker: the content check and the other build scripts run
// under plain tsx, outside Next's bundles, and share the same entries.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `.next/cache/papers-review` of the project, or CONTENT_CACHE_DIR (tests). */
export function buildCacheDir(): string {
  const override = process.env.CONTENT_CACHE_DIR;
  return override ? path.resolve(/* turbopackIgnore: true */ override) : path.join(/* turbopackIgnore: true */ process.cwd(), '.next', 'cache', 'papers-review');
}

/**
 * Where the entry for `inputs` lives, or null outside a build: only builds set
 * CONTENT_PIPELINE_VERSION (next.config.ts, scripts/post-build.ts), so `next
 * dev` and the tests that do not set it never read or write the folder.
 */
export function cacheEntryPath(namespace: string, inputs: unknown): string | null {
  const version = process.env.CONTENT_PIPELINE_VERSION;
  if (!version) return null;
  const key = createHash('sha256').update(version).update('\0').update(JSON.stringify(inputs)).digest('hex');
  return path.join(/* turbopackIgnore: true */ buildCacheDir(), namespace, key);
}

/** The entry's bytes, or null when there is none yet. */
export function readCacheEntry(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * Several build workers write at once: each entry is written to a temporary
 * file and renamed, so a reader sees a whole entry or none.
 */
export function writeCacheEntry(file: string, bytes: Buffer | string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written (read-only folder, full disk) only makes the next build slower.
  }
}

/** Whether a value is made of JSON only (no Date, no class instance), so it reads back as it was written. */
export function isPlainJson(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainJson);
}
