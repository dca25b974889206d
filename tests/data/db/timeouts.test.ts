import { createServer, type Server, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDbTimeouts } from '@/lib/config/env';
import { createPrismaClient } from '@/lib/db/client';
import { splitSchemaParam } from '@/lib/db/config';
import { databaseUnavailable } from '@/lib/db/errors';
import { openSql } from '@/lib/db/sql';

/**
 * A PostgreSQL that accepts connections and never answers (finding 10: a
 * wedged server, a firewall that drops packets after the handshake): real
 * TCP, nothing mocked. Before the timeouts, every query waited forever.
 */
let silent: Server;
let port: number;
const sockets = new Set<Socket>();

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    // Reads the startup message and says nothing back.
    socket.resume();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = (silent.address() as { port: number }).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

const timeouts = parseDbTimeouts({ DB_CONNECT_TIMEOUT_MS: '1500' });

async function timed<T>(promise: Promise<T>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  try {
    await promise;
    return { ms: Date.now() - started, error: undefined };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe('PostgreSQL that accepts connections and never answers', () => {
  test('the defaults give up within seconds, and every timeout can be set', () => {
    expect(parseDbTimeouts({})).toEqual({
      DB_CONNECT_TIMEOUT_MS: 5_000,
      DB_STATEMENT_TIMEOUT_MS: 10_000,
      DB_LOCK_TIMEOUT_MS: 5_000,
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000,
    });
    expect(() => parseDbTimeouts({ DB_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(
      'Invalid configuration (see .env.example):\n  - DB_CONNECT_TIMEOUT_MS: must be a number of milliseconds',
    );
  });

  test('a Prisma query fails after the connect timeout with an error the routes answer as 503', async () => {
    const sql = await openSql({
      kind: 'postgres',
      connectionString: `postgres://app:secret@127.0.0.1:${port}/app`,
      schema: undefined,
      timeouts,
    });
    const db = await createPrismaClient(sql);
    try {
      const { ms, error } = await timed(db.user.count());
      expect(error).toBeInstanceOf(Error);
      expect(ms).toBeGreaterThanOrEqual(1_400);
      expect(ms).toBeLessThan(6_000);
      expect(databaseUnavailable(error)).toBe(true);
      // A second request fails the same way (the pool did not wedge).
      const again = await timed(db.note.findMany({ where: { userId: 'u' } }));
      expect(again.ms).toBeLessThan(6_000);
      expect(databaseUnavailable(again.error)).toBe(true);
    } finally {
      await db.$disconnect().catch(() => {});
      await sql.close().catch(() => {});
    }
  }, 30_000);

  test('a raw query to a server that refuses connections is "unavailable" too, without the host in the error', async () => {
    const sql = await openSql({ kind: 'postgres', connectionString: 'postgres://app:secret@127.0.0.1:1/app', schema: undefined, timeouts });
    const db = await createPrismaClient(sql);
    try {
      const error = await db.$queryRaw`SELECT 1`.catch((e: unknown) => e);
      expect(databaseUnavailable(error)).toBe(true);
      expect(inspect(error, { depth: 10 })).not.toContain('127.0.0.1');
    } finally {
      await db.$disconnect().catch(() => {});
      await sql.close().catch(() => {});
    }
  });

  test('the raw driver (migrator, health) gives up too', async () => {
    const sql = await openSql({
      kind: 'postgres',
      connectionString: `postgres://app:secret@127.0.0.1:${port}/app`,
      schema: undefined,
      timeouts,
    });
    try {
      const { ms, error } = await timed(sql.withSession((s) => s.query('SELECT 1')));
      expect(ms).toBeLessThan(6_000);
      expect(databaseUnavailable(error)).toBe(true);
    } finally {
      await sql.close().catch(() => {});
    }
  }, 30_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL sessions carry the timeouts', () => {
  const show = async (settings: Record<string, string>) => {
    const { connectionString } = splitSchemaParam(process.env.TEST_DATABASE_URL!);
    const sql = await openSql({ kind: 'postgres', connectionString, schema: undefined, timeouts: parseDbTimeouts(settings) });
    try {
      return await sql.withSession(async (s) => {
        const value = async (name: string) => (await s.query<Record<string, string>>(`SHOW ${name}`))[0]![name];
        return {
          statement: await value('statement_timeout'),
          lock: await value('lock_timeout'),
          idle: await value('idle_in_transaction_session_timeout'),
        };
      });
    } finally {
      await sql.close();
    }
  };

  test('the server enforces the defaults on every app connection', async () => {
    expect(await show({})).toEqual({ statement: '10s', lock: '5s', idle: '30s' });
  });

  test('each one is configurable, and 0 turns it off (npm run db:migrate runs without a statement timeout)', async () => {
    expect(await show({ DB_STATEMENT_TIMEOUT_MS: '0', DB_LOCK_TIMEOUT_MS: '1500', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '60000' })).toEqual({
      statement: '0',
      lock: '1500ms',
      idle: '1min',
    });
  });

  test('a statement that runs too long is cancelled by the server and answered as "unavailable"', async () => {
    const { connectionString } = splitSchemaParam(process.env.TEST_DATABASE_URL!);
    const sql = await openSql({
      kind: 'postgres',
      connectionString,
      schema: undefined,
      timeouts: parseDbTimeouts({ DB_STATEMENT_TIMEOUT_MS: '300' }),
    });
    const db = await createPrismaClient(sql);
    try {
      const { ms, error } = await timed(db.$queryRaw`SELECT pg_sleep(5)`);
      expect(ms).toBeLessThan(3_000);
      expect(databaseUnavailable(error)).toBe(true);
    } finally {
      await db.$disconnect().catch(() => {});
      await sql.close();
    }
  });
});
