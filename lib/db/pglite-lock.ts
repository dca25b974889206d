import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite is a single-process database: a second process opening the same
 * folder neither errors nor waits, it silently loses writes or corrupts the
 * files. So whoever opens the folder first holds `<dir>.lock` (containing its
 * pid) until it exits, and everyone else gets a clear error instead.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  // Two PGlite instances in one process corrupt the folder just the same.
  if (heldHere().has(lockPath)) {
    throw new Error(`The embedded database at ${dataDir} is already open in this process: use getDb() instead of opening it again.`);
  }
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });

  // A few rounds: each either creates the lock, throws, or clears a stale one.
  for (let round = 0; round < 5; round++) {
    if (tryCreateLock(lockPath)) return registerRelease(lockPath);
    const holder = readLockPid(lockPath);
    if (holder === undefined) continue; // vanished meanwhile: try again
    if (holder !== process.pid && isProcessAlive(holder)) {
      throw new Error(
        `The embedded database at ${dataDir} is already open in process ${holder}. ` +
          'Stop that process (e.g. the other "npm run dev") or set DATABASE_URL to use PostgreSQL. ' +
          `(If no such process is running, delete ${lockPath}.)`,
      );
    }
    // The holder died without cleaning up: take the lock over. Our own pid
    // here is stale too (we hold nothing, checked above): containers often
    // restart with the same pid.
    removeStaleLock(lockPath, holder);
  }
  throw new Error(`Could not take the lock ${lockPath}: it keeps changing hands.`);
}

/** Atomically creates the lock with our pid already inside (no half-written file is ever visible). */
function tryCreateLock(lockPath: string): boolean {
  const tmp = `${lockPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${process.pid}\n`);
  try {
    fs.linkSync(tmp, lockPath); // fails with EEXIST when held, like open(..., 'wx')
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // Filesystems without hard links (some network or mounted volumes): plain exclusive create.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV') return createExclusive(lockPath);
    throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function createExclusive(lockPath: string): boolean {
  try {
    fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readLockPid(lockPath: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number.parseInt(text.trim(), 10);
  // Garbage in the file counts as a dead holder (pid 0 is never ours nor alive here).
  return Number.isSafeInteger(pid) && pid > 0 ? pid : 0;
}

function isProcessAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside under a name of our own, then checks it really
 * was the stale one: if another process took it over in between, its fresh
 * lock is put back rather than deleted.
 */
function removeStaleLock(lockPath: string, stalePid: number): void {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readLockPid(aside) !== stalePid) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // Someone created a newer lock meanwhile; theirs wins.
    }
  }
  fs.rmSync(aside, { force: true });
}

// On globalThis so that every copy of this module (Next may load it in more
// than one bundle) sees the same set.
const HELD = Symbol.for('papers-review.pglite-locks');
function heldHere(): Set<string> {
  const g = globalThis as typeof globalThis & { [HELD]?: Set<string> };
  return (g[HELD] ??= new Set());
}

function registerRelease(lockPath: string): () => void {
  heldHere().add(lockPath);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere().delete(lockPath);
    process.removeListener('exit', release);
    // Only delete the file if it is still ours.
    if (readLockPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
  // 'exit' also fires on process.exit(), which is how Next's dev server stops
  // on Ctrl+C. A kill -9 leaves the file behind; the next start sees the dead
  // pid and takes over.
  process.once('exit', release);
  return release;
}
