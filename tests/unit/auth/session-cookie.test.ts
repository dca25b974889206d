import { afterEach, describe, expect, test, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { decodeSessionCookie, sessionCookieValue } from '@/lib/auth/session-cookie';

const jar = (cookies: Record<string, string>) => ({
  get: (name: string) => (name in cookies ? { value: cookies[name]! } : undefined),
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});

describe('sessionCookieValue', () => {
  test('reads the plain cookie on http and only the __Secure- one on https', () => {
    const both = jar({ 'next-auth.session-token': 'plain', '__Secure-next-auth.session-token': 'secure' });
    expect(sessionCookieValue(both, false)).toBe('plain');
    expect(sessionCookieValue(both, true)).toBe('secure');
    // A plain cookie on an https site (set by a sibling subdomain, say) is not a session.
    expect(sessionCookieValue(jar({ 'next-auth.session-token': 'tossed' }), true)).toBeNull();
  });

  test('joins chunks in numeric order and ignores look-alike names', () => {
    const chunked = jar({
      'next-auth.session-token.10': 'k',
      'next-auth.session-token.1': 'b',
      'next-auth.session-token.0': 'a',
      'next-auth.session-token.x': 'no',
      'next-auth.session-tokenz.2': 'no',
    });
    expect(sessionCookieValue(chunked, false)).toBe('abk');
  });

  test('no cookie, no session', () => {
    expect(sessionCookieValue(jar({ other: 'x' }), false)).toBeNull();
  });
});

describe('decodeSessionCookie (memoized)', () => {
  afterEach(() => vi.useRealTimers());

  test('decrypts like next-auth, a second time from memory, and never under another secret', async () => {
    const secret = 'a-secret-for-this-test-only-0123456789';
    const cookie = await encode({ token: { sub: 'user-1', sv: 2 }, secret, maxAge: 60 });
    expect(await decodeSessionCookie(cookie, secret)).toMatchObject({ sub: 'user-1', sv: 2 });
    expect(await decodeSessionCookie(cookie, secret)).toMatchObject({ sub: 'user-1', sv: 2 });
    await expect(decodeSessionCookie(cookie, 'another-secret-0123456789-abcdefgh')).rejects.toThrow();
  });

  test('a remembered cookie past its expiry (and jose’s 15 s tolerance) is rejected as jose rejects it', async () => {
    const secret = 'a-secret-for-this-test-only-0123456789';
    vi.useFakeTimers({ toFake: ['Date'] });
    const cookie = await encode({ token: { sub: 'user-2' }, secret, maxAge: 60 });
    expect(await decodeSessionCookie(cookie, secret)).toMatchObject({ sub: 'user-2' });
    vi.setSystemTime(Date.now() + 70_000);
    expect(await decodeSessionCookie(cookie, secret)).toMatchObject({ sub: 'user-2' });
    vi.setSystemTime(Date.now() + 10_000);
    await expect(decodeSessionCookie(cookie, secret)).rejects.toThrow(/exp/);
  });
});
