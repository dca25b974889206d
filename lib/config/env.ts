import { z } from 'zod';

const optional = z.string().trim().min(1).optional();

/** Milliseconds, as a whole number from 0 (0 turns the PostgreSQL timeout off). */
const millis = (fallback: number) =>
  z.coerce
    .number('must be a number of milliseconds')
    .int('must be a whole number of milliseconds')
    .min(0, 'cannot be negative')
    .default(fallback);

/**
 * How long a request may wait on PostgreSQL (lib/db/sql.ts). A server that
 * accepts connections and never answers fails every request within seconds
 * with a 503, instead of hanging it forever (pg waits forever by default).
 */
export const dbTimeoutsSchema = z.object({
  // Opening a connection, TCP and PostgreSQL's handshake included.
  DB_CONNECT_TIMEOUT_MS: millis(5_000),
  // One statement, enforced by the server (statement_timeout) and by the client
  // a little later, for a server that stopped answering mid-query.
  DB_STATEMENT_TIMEOUT_MS: millis(10_000),
  // Waiting for a row or table lock another transaction holds (lock_timeout).
  DB_LOCK_TIMEOUT_MS: millis(5_000),
  // A transaction left open and idle is ended by the server (idle_in_transaction_session_timeout).
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis(30_000),
});

export type DbTimeouts = z.infer<typeof dbTimeoutsSchema>;

/** The database timeouts alone (scripts and the database module read these without the rest of the config). */
export function parseDbTimeouts(source: Record<string, string | undefined> = process.env): DbTimeouts {
  const result = dbTimeoutsSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DIRECT_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    PGLITE_DIR: optional,
    // Self-hosting on one machine: production may use the embedded database
    // only when asked to, never because DATABASE_URL was forgotten.
    ALLOW_EMBEDDED_DATABASE: z.enum(['1', 'true']).optional(),
    CONTENT_DIR: optional,
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters (npm run dev writes one into .env.local)').optional(),
    NEXTAUTH_URL: z.url().optional(),
    SITE_URL: z.url().optional(),
    // Set by Vercel on every deployment (a host name, no scheme): the site's public origin there.
    VERCEL_PROJECT_PRODUCTION_URL: optional,
    EDIT_URL_BASE: z.url().optional(),
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    GOOGLE_ID: optional,
    GOOGLE_SECRET: optional,
    // How many reverse proxies we run in front of the app (lib/http/client-ip.ts).
    // 0: clients connect directly and X-Forwarded-For is ignored. Ignored on Vercel.
    TRUSTED_PROXY_COUNT: z.coerce
      .number('must be a whole number (how many proxies you run in front of the app)')
      .int('must be a whole number (how many proxies you run in front of the app)')
      .min(0, 'cannot be negative')
      .max(10, 'more than 10 proxies in front of one app is surely a typo')
      .default(0),
    // Password reset mail (lib/auth/mail.ts): smtp://user:pass@host:587 or smtps://…:465.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: optional,
  })
  .extend(dbTimeoutsSchema.shape)
  .superRefine((env, ctx) => {
    if (embeddedDatabaseRefused(env)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message:
          'is required in production (a PostgreSQL URL; to self-host on the embedded database on one machine, set ALLOW_EMBEDDED_DATABASE=1 instead)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_SECRET'],
        message: 'is required in production (any random string of 32+ characters: `openssl rand -base64 32`)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.SITE_URL && !env.VERCEL_PROJECT_PRODUCTION_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['SITE_URL'],
        message:
          'is required in production (the public origin, e.g. https://papers.example.com: feeds, sitemap, robots.txt, Open Graph tags and export links use it, and would say http://localhost:3000 without it; on Vercel, its production URL is used)',
      });
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'is required with SMTP_URL (the sender of reset mail, e.g. "Papers Review <no-reply@example.com>")',
      });
    }
    for (const provider of ['GITHUB', 'GOOGLE'] as const) {
      if (Boolean(env[`${provider}_ID`]) !== Boolean(env[`${provider}_SECRET`])) {
        ctx.addIssue({ code: 'custom', path: [`${provider}_ID`], message: `${provider}_ID and ${provider}_SECRET must be set together` });
      }
    }
  });

export type Env = z.infer<typeof schema>;

/**
 * Production runs on PostgreSQL; the embedded database only when self-hosting
 * asked for it. The startup check and the database config both ask this.
 */
export function embeddedDatabaseRefused(env: { NODE_ENV?: string; DATABASE_URL?: string; ALLOW_EMBEDDED_DATABASE?: string }): boolean {
  return env.NODE_ENV === 'production' && !env.DATABASE_URL?.trim() && !['1', 'true'].includes(env.ALLOW_EMBEDDED_DATABASE ?? '');
}

/** Parses the environment against the one schema; the error lists every problem at once. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || 'env'}: ${issue.message}`);
  throw new Error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

let cached: Env | null = null;

export function env(): Env {
  // Next inlines `process.env.NODE_ENV` into the server bundle as the build's
  // mode, so `next start` is checked as production whatever the shell says
  // (a stray NODE_ENV=test must not switch the production checks off).
  cached ??= parseEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV });
  return cached;
}
