// Reads NextAuth v4's session cookie the way its SessionStore does, for the
// fast path in lib/auth/session.ts, and decrypts it. Pure: no server-only, testable alone.

import { decode, type JWT } from 'next-auth/jwt';

export type CookieJar = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** The session cookie NextAuth set: one cookie, or chunks `<name>.0`, `<name>.1`, … when it passed 4 KB. */
export function sessionCookieValue(jar: CookieJar, secure: boolean): string | null {
  const name = secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .flatMap((c) => {
      const index = c.name.startsWith(`${name}.`) ? c.name.slice(name.length + 1) : '';
      return /^\d{1,3}$/.test(index) ? [{ index: Number(index), value: c.value }] : [];
    })
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((c) => c.value).join('') : null;
}

/**
 * Decrypted cookies by their exact text, at most DECODED_MAX of them. Each
 * decode derives the key anew (HKDF) before decrypting, a few percent of a
 * signed-in request's CPU; the same cookie always decrypts to the same claims
 * under the same secret, so a hit only re-checks the expiry jose would.
 */
const DECODED_MAX = 1000;
const decoded = new Map<string, { secret: string; token: JWT | null }>();

/** next-auth's decode({ token, secret }), memoized. */
export async function decodeSessionCookie(cookie: string, secret: string): Promise<JWT | null> {
  const hit = decoded.get(cookie);
  // jose's clockTolerance in next-auth's decode: 15 s past exp still passes.
  if (hit && hit.secret === secret && (typeof hit.token?.exp !== 'number' || Date.now() / 1000 <= hit.token.exp + 15)) return hit.token;
  decoded.delete(cookie);
  const token = await decode({ token: cookie, secret });
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(cookie, { secret, token });
  return token;
}
