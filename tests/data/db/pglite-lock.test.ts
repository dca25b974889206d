import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/lib/db/connection';
import { acquirePgliteLock, LOCK_STALE_MS } from '@/lib/db/pglite-lock';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const childScript = path.join(import.meta.dirname, 'fixtures', 'open-db.ts');

let tmp: string;
let dataDir: string;
let lockFile: string;
let pidFile: string;
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR };

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-'));
  dataDir = path.join(tmp, 'pglite');
  lockFile = `${dataDir}.lock`;
  pidFile = `${lockFile}.pid`;
  // getDb() reads these at call time: PGlite in our temp folder, never PostgreSQL.
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = dataDir;
});

afterAll(async () => {
  await closeDb();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs the app's getDb() in a separate process on the same PGLITE_DIR. */
function openInOtherProcess(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [childScript], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('embedded database lock', () => {
  test('getDb opens PGlite once per process and holds <dir>.lock, with our pid in <dir>.lock.pid', async () => {
    const db = await getDb();
    expect(await getDb()).toBe(db);
    await db.user.create({ data: { email: 'first@example.com' } });
    expect(fs.statSync(lockFile).isDirectory()).toBe(true);
    expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(process.pid));
  }, 60_000);

  test('a second process gets a clear error and leaves the folder alone', async () => {
    const child = await openInOtherProcess();
    expect(child.code).toBe(1);
    expect(child.stderr).toContain(
      `The embedded database at ${dataDir} is already open in process ${process.pid}. ` +
        'Stop that process (e.g. the other "npm run dev" or "next start") or set DATABASE_URL to use PostgreSQL.',
    );
    expect(child.stdout).toBe('');

    // The first process still writes and reads normally.
    const db = await getDb();
    await db.user.create({ data: { email: 'second@example.com' } });
    expect((await db.user.findMany({ orderBy: { email: 'asc' } })).map((u) => u.email)).toEqual([
      'first@example.com',
      'second@example.com',
    ]);
    expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(process.pid));
  }, 60_000);

  test('opening the same folder twice inside one process is refused too', async () => {
    await expect(acquirePgliteLock(dataDir)).rejects.toThrow(/already open in this process/);
  });

  test('closeDb releases the folder: another process then opens it and sees every row intact', async () => {
    await closeDb();
    expect(fs.existsSync(lockFile)).toBe(false);
    const child = await openInOtherProcess();
    expect(child.stderr).toBe('');
    expect(child.code).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ emails: ['first@example.com', 'second@example.com'] });
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 60_000);

  /** A lock as a holder that stopped `ageMs` ago left it: the directory, its mtime, the pid file. */
  function leaveLock(pid: number, ageMs: number) {
    fs.mkdirSync(lockFile);
    const when = new Date(Date.now() - ageMs);
    fs.utimesSync(lockFile, when, when);
    fs.writeFileSync(pidFile, `${pid}\n`);
  }

  test('a stale lock whose pid now belongs to another live process is taken over (pid reuse)', async () => {
    // The old holder crashed; its pid went to some unrelated process (as a
    // container restarting as pid 1 sees). Only the lock's age tells.
    const unrelated = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      leaveLock(unrelated.pid!, LOCK_STALE_MS + 5_000);
      const db = await getDb();
      expect(await db.user.count()).toBe(2);
      expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(process.pid));
      await closeDb();
      expect(fs.existsSync(lockFile)).toBe(false);
      expect(fs.existsSync(pidFile)).toBe(false);
    } finally {
      unrelated.kill();
    }
  }, 60_000);

  test('a stale lock naming our own pid (a restart that got the same pid) is taken over', async () => {
    leaveLock(process.pid, LOCK_STALE_MS + 5_000);
    const db = await getDb();
    expect(await db.user.count()).toBe(2);
    await closeDb();
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 60_000);

  test('a fresh lock left by a process that died is waited out until it is stale, then taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    leaveLock(dead, 0);
    const started = Date.now();
    const release = await acquirePgliteLock(dataDir, { staleMs: 3_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(fs.readFileSync(pidFile, 'utf8').trim()).toBe(String(process.pid));
    await release();
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 60_000);

  test('a fresh lock held by a live process is refused at once, naming the folder, the process and the lock', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      leaveLock(holder.pid!, 0);
      const started = Date.now();
      await expect(acquirePgliteLock(dataDir)).rejects.toThrow(
        `The embedded database at ${dataDir} is already open in process ${holder.pid}. `,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      holder.kill();
      fs.rmSync(lockFile, { recursive: true, force: true });
      fs.rmSync(pidFile, { force: true });
    }
  });
});
