import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * How long a lock nobody refreshes stays valid. The holder refreshes it every
 * UPDATE_MS (proper-lockfile touches the lock's mtime), so a lock older than
 * this belongs to a process that is gone, whatever its pid says: a container
 * restarted after a crash often gets the very same pid. Generous, because a
 * busy machine can block the holder's event loop for seconds (PGlite's first
 * open), and a holder that misses its refresh must not lose the lock.
 */
export const LOCK_STALE_MS = 30_000;
const UPDATE_MS = 5_000;
const RETRY_MS = 1_000;

export interface PgliteLockOptions {
  /** For tests; the app uses LOCK_STALE_MS. */
  staleMs?: number;
}

/**
 * PGlite is a single-process database: a second process opening the same
 * folder neither errors nor waits, it silently loses writes or corrupts the
 * files. So whoever opens the folder first holds `<dir>.lock` (a directory,
 * created atomically by proper-lockfile, its mtime refreshed while held)
 * until it exits, with its pid in `<dir>.lock.pid` for the message others get.
 *
 * A fresh lock whose process is alive: refused at once, naming both. A lock
 * whose pid is dead or is our own (reused): its holder is gone, but only time
 * proves it, so we wait until it is stale and take it over.
 */
export async function acquirePgliteLock(dataDir: string, options: PgliteLockOptions = {}): Promise<() => Promise<void>> {
  const target = path.resolve(dataDir);
  const lockPath = `${target}.lock`;
  const pidPath = `${lockPath}.pid`;
  // Two PGlite instances in one process corrupt the folder just the same.
  if (heldHere().has(lockPath)) {
    throw new Error(`The embedded database at ${dataDir} is already open in this process: use getDb() instead of opening it again.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staleMs = options.staleMs ?? LOCK_STALE_MS;
  const deadline = Date.now() + staleMs + UPDATE_MS;
  for (;;) {
    try {
      const unlock = await lockfile.lock(target, {
        realpath: false,
        lockfilePath: lockPath,
        stale: staleMs,
        update: Math.min(UPDATE_MS, staleMs / 2),
        onCompromised: (error) => {
          // Someone else took the folder (or our refresh failed): writing on would corrupt it.
          console.error(`[db] lost the lock on the embedded database at ${dataDir} (${error.message}); stopping.`);
          process.exit(1);
        },
      });
      fs.writeFileSync(pidPath, `${process.pid}\n`);
      return registerRelease(lockPath, pidPath, unlock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const holder = readPid(pidPath);
      const holderAlive = holder !== undefined && holder !== process.pid && isProcessAlive(holder);
      if (holderAlive || Date.now() > deadline) {
        throw new Error(
          `The embedded database at ${dataDir} is already open in process ${holder ?? '(unknown)'}. ` +
            'Stop that process (e.g. the other "npm run dev" or "next start") or set DATABASE_URL to use PostgreSQL. ' +
            `(Its lock ${lockPath} expires ${staleMs / 1000}s after that process stops.)`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

function readPid(pidPath: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(pidPath, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// On globalThis so that every copy of this module (Next may load it in more
// than one bundle) sees the same set.
const HELD = Symbol.for('papers-review.pglite-locks');
function heldHere(): Set<string> {
  const g = globalThis as typeof globalThis & { [HELD]?: Set<string> };
  return (g[HELD] ??= new Set());
}

function registerRelease(lockPath: string, pidPath: string, unlock: () => Promise<void>): () => Promise<void> {
  heldHere().add(lockPath);
  let released = false;
  // proper-lockfile removes its own lock when the process exits (even on
  // process.exit(), how Next's dev server stops on Ctrl+C); the pid file goes with it.
  const onExit = () => {
    if (readPid(pidPath) === process.pid) fs.rmSync(pidPath, { force: true });
  };
  process.once('exit', onExit);
  return async () => {
    if (released) return;
    released = true;
    heldHere().delete(lockPath);
    process.removeListener('exit', onExit);
    onExit();
    await unlock().catch(() => {});
  };
}
