import 'server-only';
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import NextAuth, { type NextAuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { z } from 'zod';
import { clientIp } from '@/lib/http/client-ip';
import { getDb } from '@/lib/db/connection';
import { env } from '@/lib/config/env';
import { logServerError } from '@/lib/http/log';
import { clearLoginFailures, loginAllowed, loginKeys, recordLoginFailure } from '@/lib/auth/rate-limit';
import { verifyPassword } from '@/lib/auth/users';

/** Errors the sign-in page can show; anything else reads as the generic failure. */
export const SIGN_IN_ERRORS = { rateLimited: 'RateLimited' } as const;

const credentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

/**
 * The Prisma adapter wants a client up front, but the client opens the
 * database and `next build` imports this module: resolve it on first use.
 */
function lazyPrismaAdapter(): Adapter {
  let adapter: Promise<Adapter> | null = null;
  const resolve = () => (adapter ??= getDb().then((db) => PrismaAdapter(db as never)));
  return new Proxy(
    {},
    {
      get:
        (_target, method: string) =>
        async (...args: unknown[]) => {
          const fn = (await resolve())[method as keyof Adapter] as ((...a: unknown[]) => unknown) | undefined;
          if (!fn) throw new Error(`Auth adapter has no method ${method}`);
          return fn(...args);
        },
    },
  );
}

function buildOptions(): NextAuthOptions {
  const config = env();
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(input, request) {
        const parsed = credentials.safeParse(input);
        if (!parsed.success) return null;
        const keys = loginKeys(parsed.data.email, clientIp(request?.headers));
        const gate = await loginAllowed(keys);
        if (!gate.allowed) throw new Error(SIGN_IN_ERRORS.rateLimited);
        const user = await verifyPassword(parsed.data.email, parsed.data.password);
        if (!user) {
          await recordLoginFailure(keys);
          return null;
        }
        await clearLoginFailures(keys);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }
  if (config.GOOGLE_ID && config.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: config.GOOGLE_ID, clientSecret: config.GOOGLE_SECRET }));
  }
  return {
    adapter: lazyPrismaAdapter(),
    // Credentials sign-in only works with JWT sessions in NextAuth v4.
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    secret: config.NEXTAUTH_SECRET,
    pages: { signIn: '/signin', error: '/signin' },
    // NextAuth's default logger prints whole error objects (adapter errors
    // carry Prisma messages); route them through the redacting log line.
    logger: {
      error: (code, metadata) =>
        logServerError(`next-auth ${code}`, '-', metadata instanceof Error ? metadata : (metadata as { error?: unknown }).error),
      warn: (code) => console.warn(`[next-auth] ${code}`),
      debug: () => {},
    },
    providers,
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

let options: NextAuthOptions | null = null;
export function authOptions(): NextAuthOptions {
  options ??= buildOptions();
  return options;
}

/** The NextAuth route handler (app/api/auth/[...nextauth]). */
export function authHandler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return (NextAuth(authOptions()) as (req: Request, ctx: unknown) => Promise<Response>)(request, context);
}

/** Which optional OAuth providers are configured (for the sign-in page). */
export function oauthProviders(): { id: 'github' | 'google'; name: string }[] {
  const config = env();
  return [
    ...(config.GITHUB_ID ? [{ id: 'github' as const, name: 'GitHub' }] : []),
    ...(config.GOOGLE_ID ? [{ id: 'google' as const, name: 'Google' }] : []),
  ];
}
