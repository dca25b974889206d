import path from 'node:path';
import { embeddedDatabaseRefused, parseDbTimeouts, type DbTimeouts } from '@/lib/config/env';

/** Where the app's data lives: a PostgreSQL server, or the embedded PGlite folder. */
export type DbConfig =
  | {
      kind: 'postgres';
      connectionString: string;
      schema: string | undefined;
      /** DB_*_TIMEOUT_MS; read from the environment when absent. */
      timeouts?: DbTimeouts;
    }
  | { kind: 'pglite'; dataDir: string };

// Schema names end up inside SQL and a libpq `options` string; keeping them to
// plain identifiers avoids any quoting question.
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * DATABASE_URL set → PostgreSQL; otherwise PGlite in PGLITE_DIR (default
 * `.data/pglite`, or `memory://` for a throwaway in-memory database).
 * Read at call time, never at import, so `next build` opens nothing.
 */
export function resolveDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', ...splitSchemaParam(url), timeouts: parseDbTimeouts(env) };
  // The startup check's rule, asked here too so no code path (a script, a
  // function that skipped instrumentation) falls back silently.
  if (embeddedDatabaseRefused(env)) {
    throw new Error('DATABASE_URL is not set: in production the embedded database is used only with ALLOW_EMBEDDED_DATABASE=1.');
  }
  // Built at run time so Next's file tracing never follows it into .data/.
  const dataDir = env.PGLITE_DIR?.trim() || path.join(/* turbopackIgnore: true */ process.cwd(), '.data', 'pglite');
  return { kind: 'pglite', dataDir };
}

/**
 * Prisma URLs carry the schema as `?schema=`; node-postgres knows no such
 * parameter, so it is taken out here and applied as search_path and as the
 * adapter's schema instead.
 */
export function splitSchemaParam(url: string): { connectionString: string; schema: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database).');
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema === undefined) return { connectionString: url, schema };
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Unsupported schema name "${schema}" in DATABASE_URL: use letters, digits and underscores.`);
  }
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/** True for PGlite's in-memory data dirs, which no other process can share. */
export function isInMemoryDir(dataDir: string): boolean {
  return dataDir.startsWith('memory://');
}
