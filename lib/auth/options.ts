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
import { TooManyAttemptsError, underLoginLimits } from '@/lib/auth/rate-limit';
import { safeCallbackUrl } from '@/lib/auth/safe-redirect';
import { endSessionsIssuedWith, sessionVersionOf } from '@/lib/auth/session-version';
import { verifyPassword } from '@/lib/auth/users';

/**
 * Errors the sign-in page can show; anything else reads as the generic
 * failure. NextAuth puts a thrown error's message into the redirect URL, so
 * nothing but these codes may ever be thrown from a callback.
 */
export const SIGN_IN_ERRORS = { rateLimited: 'RateLimited', unavailable: 'Unavailable' } as const;

const credentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

/** A cookie whose session was ended (sign-out, password change, deletion): the reader is signed out, nothing is logged. */
export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
}

/**
 * What a callback throws instead of `error`: a code for the sign-in page. A
 * database failure is logged here (redacted, with its code) and becomes
 * "Unavailable", never its message, which names the host, port and database.
 */
function signInFailure(error: unknown): Error {
  if (error instanceof TooManyAttemptsError) return new Error(SIGN_IN_ERRORS.rateLimited);
  logServerError('sign-in', '-', error);
  return new Error(SIGN_IN_ERRORS.unavailable);
}

/**
 * jose's error code for a cookie that is not a token we issued (garbled,
 * truncated, another secret, expired), or null for any other failure.
 */
export function unreadableCookieCode(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_JW')) return code;
  return error.message === 'JWT invalid' ? 'JWT_INVALID' : null;
}

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
        const { email, password } = parsed.data;
        try {
          return await underLoginLimits(email, clientIp(request?.headers), () => verifyPassword(email, password));
        } catch (error) {
          throw signInFailure(error);
        }
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
    // Stated rather than left to NextAuth's guess, so lib/auth/session.ts reads the same cookie name.
    useSecureCookies: secureSessionCookie(),
    secret: config.NEXTAUTH_SECRET,
    pages: { signIn: '/signin', error: '/signin' },
    // NextAuth's default logger prints whole error objects (adapter errors
    // carry Prisma messages); route them through the redacting log line.
    logger: {
      error: (code, metadata) => {
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        if (error instanceof SessionEndedError) return;
        // Anyone can send any cookie: one short line each, no stack to flood the log with.
        const cookieCode = code === 'JWT_SESSION_ERROR' ? unreadableCookieCode(error) : null;
        if (cookieCode) {
          console.warn(`[warn] next-auth: ignored a session cookie that does not decrypt (${cookieCode})`);
          return;
        }
        logServerError(`next-auth ${code}`, '-', error);
      },
      warn: (code) => console.warn(`[next-auth] ${code}`),
      debug: () => {},
    },
    providers,
    callbacks: {
      // Only somewhere on this site, by the same rule as the sign-in page (a
      // bad value becomes the home page, never an error).
      redirect: ({ url, baseUrl }) => `${baseUrl}${safeCallbackUrl(url, baseUrl)}`,
      async jwt({ token, user }) {
        if (user) {
          // Signing in: the cookie remembers the account's session version.
          token.sub = user.id;
          try {
            token.sv = (await sessionVersionOf(user.id)) ?? 0;
          } catch (error) {
            throw signInFailure(error);
          }
          return token;
        }
        if (!token.sub) return token;
        if (!(await sessionStillCurrent(token.sub, token.sv))) throw new SessionEndedError();
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      // Signing out ends every session of the account, copies of this cookie
      // included. Only a current cookie can: an old, already-ended one must
      // not sign its owner out again and again.
      async signOut({ token }) {
        if (token?.sub) await endSessionsIssuedWith(token.sub, token.sv ?? 0);
      },
    },
  };
}

/**
 * Whether the session cookie is the `__Secure-` one: NextAuth's own rule (an
 * https NEXTAUTH_URL, or Vercel, whose forwarded protocol is https).
 */
export function secureSessionCookie(): boolean {
  const url = env().NEXTAUTH_URL;
  return url ? url.startsWith('https://') : Boolean(process.env.VERCEL);
}

/**
 * False when the account is gone or its sessions were ended since the cookie
 * was issued (`sv`). When the database does not answer, the session is kept
 * rather than everyone signed out (NextAuth would also delete the cookie):
 * nothing can be read or written without the database anyway, and the
 * request that needs it fails and is logged there.
 */
export async function sessionStillCurrent(userId: string, sv: number | undefined): Promise<boolean> {
  let current: number | null;
  try {
    current = await sessionVersionOf(userId);
  } catch {
    return true;
  }
  return current !== null && current === (sv ?? 0);
}

let options: NextAuthOptions | null = null;
export function authOptions(): NextAuthOptions {
  options ??= buildOptions();
  return options;
}

type AuthContext = { params: Promise<{ nextauth: string[] }> };

/**
 * NextAuth's error page echoes `?error=` into a Location header unencoded
 * (a newline in it is a 500): answer it here, with a code the sign-in page knows or 'Default'.
 */
function errorRedirect(request: Request): Response {
  const code = new URL(request.url).searchParams.get('error') ?? '';
  const safe = /^[A-Za-z]{1,40}$/.test(code) ? code : 'Default';
  return new Response(null, { status: 302, headers: { Location: `/signin?error=${safe}`, 'Cache-Control': 'private, no-store' } });
}

/** The NextAuth route handler (app/api/auth/[...nextauth]). */
export async function authHandler(request: Request, context: AuthContext): Promise<Response> {
  const [action] = (await context.params).nextauth;
  if (action === 'error') return errorRedirect(request);
  // next-auth/react posts its client-side errors here for the server to log:
  // a log line anyone can write. Nothing of ours needs it.
  if (action === '_log') return new Response(null, { status: 204 });
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
