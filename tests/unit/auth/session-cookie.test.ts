import { describe, expect, test } from 'vitest';
import { sessionCookieValue } from '@/lib/auth/session-cookie';

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
