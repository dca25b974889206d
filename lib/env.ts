import { z } from 'zod';

const optional = z.string().trim().min(1).optional();

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
    CONTENT_DIR: optional,
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters (npm run dev writes one into .env.local)').optional(),
    NEXTAUTH_URL: z.url().optional(),
    SITE_URL: z.url().optional(),
    EDIT_URL_BASE: z.url().optional(),
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    GOOGLE_ID: optional,
    GOOGLE_SECRET: optional,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'is required in production (any random string of 32+ characters: `openssl rand -base64 32`)' });
    }
    for (const provider of ['GITHUB', 'GOOGLE'] as const) {
      if (Boolean(env[`${provider}_ID`]) !== Boolean(env[`${provider}_SECRET`])) {
        ctx.addIssue({ code: 'custom', path: [`${provider}_ID`], message: `${provider}_ID and ${provider}_SECRET must be set together` });
      }
    }
  });

export type Env = z.infer<typeof schema>;

/** Parses the environment against the one schema; the error lists every problem at once. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || 'env'}: ${issue.message}`);
  throw new Error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

let cached: Env | null = null;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
