import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/lib/db/connection';
import { acquirePgliteLock } from '@/lib/db/pglite-lock';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const childScript = path.join(import.meta.dirname, 'fixtures', 'open-db.ts');

let tmp: string;
let dataDir: string;
let lockFile: string;
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR };

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-'));
  dataDir = path.join(tmp, 'pglite');
  lockFile = `${dataDir}.lock`;
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
  test('getDb opens PGlite once per process and holds <dir>.lock with our pid', async () => {
    const db = await getDb();
    expect(await getDb()).toBe(db);
    await db.user.create({ data: { email: 'first@example.com' } });
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
  }, 60_000);

  test('a second process gets a clear error and leaves the folder alone', async () => {
    const child = await openInOtherProcess();
    expect(child.code).toBe(1);
    expect(child.stderr).toContain(
      `The embedded database at ${dataDir} is already open in process ${process.pid}. ` +
        'Stop that process (e.g. the other "npm run dev") or set DATABASE_URL to use PostgreSQL.',
    );
    expect(child.stdout).toBe('');

    // The first process still writes and reads normally.
    const db = await getDb();
    await db.user.create({ data: { email: 'second@example.com' } });
    expect((await db.user.findMany({ orderBy: { email: 'asc' } })).map((u) => u.email)).toEqual([
      'first@example.com',
      'second@example.com',
    ]);
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
  }, 60_000);

  test('opening the same folder twice inside one process is refused too', () => {
    expect(() => acquirePgliteLock(dataDir)).toThrow(/already open in this process/);
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

  test('a lock left by a process that died is taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(lockFile, `${dead}\n`);
    const db = await getDb();
    expect(await db.user.count()).toBe(2);
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    await closeDb();
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 60_000);
});
