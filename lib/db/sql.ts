import type { PGlite } from '@electric-sql/pglite';
import type { Pool, QueryResultRow } from 'pg';
import { parseDbTimeouts, type DbTimeouts } from '@/lib/config/env';
import { isInMemoryDir, type DbConfig } from '@/lib/db/config';
import { acquirePgliteLock } from '@/lib/db/pglite-lock';

/** One database session: statements run in order on the same connection. */
export interface SqlSession {
  /** One statement, with $1… parameters; rows as objects. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A script of any number of statements, without parameters. */
  exec(script: string): Promise<void>;
}

/** The raw driver under the app's Prisma client, used by the migrator and tests. */
export type SqlDatabase = {
  /** Schema the app's tables live in when it is not the default one (DATABASE_URL `?schema=`). */
  readonly schema: string | undefined;
  /** Runs fn on a single session (a pooled pg connection, or PGlite's only one). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
} & ({ readonly kind: 'postgres'; readonly pool: Pool } | { readonly kind: 'pglite'; readonly pglite: PGlite });

export function openSql(config: DbConfig): Promise<SqlDatabase> {
  return config.kind === 'postgres'
    ? openPostgres(config.connectionString, config.schema, config.timeouts ?? parseDbTimeouts())
    : openPglite(config.dataDir);
}

/** How much later than the server's statement_timeout the client gives up on a statement itself. */
const CLIENT_TIMEOUT_MARGIN_MS = 2_000;

/**
 * node-postgres options for the timeouts: without them, a server that accepts
 * the connection and never answers hangs every request forever. The first
 * three are sent as session settings in the startup message (the server
 * enforces them); `connectionTimeoutMillis` and `query_timeout` are the
 * client's own clock, for a server that cannot enforce anything any more.
 */
export function postgresTimeoutOptions(timeouts: DbTimeouts) {
  const statement = timeouts.DB_STATEMENT_TIMEOUT_MS;
  return {
    connectionTimeoutMillis: timeouts.DB_CONNECT_TIMEOUT_MS,
    statement_timeout: statement,
    lock_timeout: timeouts.DB_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: timeouts.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    ...(statement > 0 ? { query_timeout: statement + CLIENT_TIMEOUT_MARGIN_MS } : {}),
  };
}

async function openPostgres(connectionString: string, schema: string | undefined, timeouts: DbTimeouts): Promise<SqlDatabase> {
  // Imported here, not at the top, so PGlite-only runs never load pg (and vice versa).
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString,
    ...postgresTimeoutOptions(timeouts),
    // Unqualified names in raw SQL and migrations resolve to the configured schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle pooled connection that breaks (server restart) must not crash the process.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    pool,
    schema,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async <Row>(sql: string, params?: unknown[]) => (await client.query<Row & QueryResultRow>(sql, params)).rows,
          exec: async (script) => {
            await client.query(script); // no parameters → simple protocol, many statements allowed
          },
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const PGLITE_SHARED_BUFFERS = '16MB';

async function openPglite(dataDir: string): Promise<SqlDatabase> {
  // Lock before touching the folder: a second process must not even start PGlite on it.
  const release = isInMemoryDir(dataDir) ? async () => {} : await acquirePgliteLock(dataDir);
  let pglite: PGlite;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    // Postgres's default 128 MB of shared buffers is WebAssembly memory that
    // is written at start and stays resident (about 100 MB more RSS than
    // 16 MB); an embedded database of one site's readers fits in far less,
    // and the files under it are still in the OS page cache.
    pglite = await PGlite.create(dataDir, { postgresqlconf: [`shared_buffers = ${PGLITE_SHARED_BUFFERS}`] });
  } catch (error) {
    await release();
    throw error;
  }
  const session: SqlSession = {
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
    exec: async (script) => {
      await pglite.exec(script);
    },
  };
  // PGlite has a single connection, so "a session" must mean exclusive use of
  // it: otherwise two callers' BEGIN…COMMIT blocks would interleave.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    pglite,
    schema: undefined,
    withSession(fn) {
      const run = queue.then(() => fn(session));
      queue = run.catch(() => {});
      return run;
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        await release();
      }
    },
  };
}
