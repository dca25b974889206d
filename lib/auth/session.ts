import 'server-only';
import { getServerSession } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { env } from '@/lib/config/env';
import { authOptions, secureSessionCookie, sessionStillCurrent, unreadableCookieCode } from '@/lib/auth/options';
import { decodeSessionCookie, sessionCookieValue } from '@/lib/auth/session-cookie';
import { sessionVersionOf } from '@/lib/auth/session-version';
import { HttpError } from '@/lib/http/errors';
import type { ReaderUser } from '@/lib/reader/shared';

/** A session cookie that decrypts: who it is for and the session version it was issued with. */
export type SessionClaim = { user: ReaderUser; sessionVersion: number };

/**
 * The session cookie decrypted, without asking the database whether it is
 * still current: for a write that checks the version in its own statement
 * (lib/reader/bookmarks.ts setBookmarkInSession). Anything else must use
 * currentUser(), which checks it.
 */
export async function sessionClaim(): Promise<SessionClaim | null> {
  // What getServerSession would answer, without running NextAuth's whole
  // handler per request: it builds every option and provider, and re-encrypts
  // a cookie it cannot even set from a route handler. The work that decides
  // is the same: decrypt the cookie (same secret, same name, expiry checked
  // by jose); currentUser() then compares its session version with the account's.
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) {
    // Development without a secret: NextAuth derives one of its own, so ask it
    // (its jwt callback checks the version), then read the version to carry on.
    const user = (await getServerSession(authOptions()))?.user;
    if (!user?.id) return null;
    const sessionVersion = await sessionVersionOf(user.id);
    return sessionVersion === null ? null : { user: { id: user.id, email: user.email ?? null, name: user.name ?? null }, sessionVersion };
  }
  const cookie = sessionCookieValue(await cookies(), secureSessionCookie());
  if (!cookie) return null;
  let token: JWT | null;
  try {
    token = await decodeSessionCookie(cookie, secret);
  } catch (error) {
    // The same one line NextAuth's logger gives (lib/auth/options.ts); the request is simply signed out.
    const code = unreadableCookieCode(error);
    if (code) console.warn(`[warn] next-auth: ignored a session cookie that does not decrypt (${code})`);
    else throw error;
    return null;
  }
  if (!token?.sub) return null;
  return { user: { id: token.sub, email: token.email ?? null, name: token.name ?? null }, sessionVersion: token.sv ?? 0 };
}

/** The signed-in reader, or null. Every reader-data query is scoped by this id. */
export async function currentUser(): Promise<ReaderUser | null> {
  const claim = await sessionClaim();
  if (!claim || !(await sessionStillCurrent(claim.user.id, claim.sessionVersion))) return null;
  return claim.user;
}

/** The answer to a request without a current session. */
export const signInRequired = () => new HttpError(401, 'Sign in to do this.');

/** For route handlers: the signed-in reader, or 401. */
export async function requireUser(): Promise<ReaderUser> {
  const user = await currentUser();
  if (!user) throw signInRequired();
  return user;
}

/** For route handlers whose write checks the session version itself: a decrypted cookie, or 401. */
export async function requireSessionClaim(): Promise<SessionClaim> {
  const claim = await sessionClaim();
  if (!claim) throw signInRequired();
  return claim;
}

/** For reader pages: the signed-in reader, or a trip to /signin and back. */
export async function requireReader(returnTo: string): Promise<ReaderUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * Expires the session cookie on `response` (both names NextAuth uses: plain
 * on http, __Secure- on https), for routes that just ended the sessions.
 */
export function expireSessionCookies(response: Response): Response {
  for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token']) {
    response.headers.append(
      'Set-Cookie',
      `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith('__Secure') ? '; Secure' : ''}`,
    );
  }
  return response;
}
