import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { HttpError } from '@/lib/http/errors';
import type { ReaderUser } from '@/lib/reader/shared';

/** The signed-in reader, or null. Every reader-data query is scoped by this id. */
export async function currentUser(): Promise<ReaderUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user;
  return user?.id ? { id: user.id, email: user.email ?? null, name: user.name ?? null } : null;
}

/** For route handlers: the signed-in reader, or 401. */
export async function requireUser(): Promise<ReaderUser> {
  const user = await currentUser();
  if (!user) throw new HttpError(401, 'Sign in to do this.');
  return user;
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
