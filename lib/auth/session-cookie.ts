// Reads NextAuth v4's session cookie the way its SessionStore does, for the
// fast path in lib/auth/session.ts. Pure: no server-only, testable alone.

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
