import { expect, test } from 'vitest';
import { safeCallbackUrl } from '@/lib/auth/safe-redirect';

const site = 'http://127.0.0.1:3000';

test.each([
  // What a browser makes of each value, as `location.assign` on a page of this site would.
  ['/\t/evil.example/', 'tab between the slashes'],
  ['/\t\\evil.example/', 'tab then backslash'],
  ['/\n/evil.example/', 'newline between the slashes'],
  ['/\r\n/evil.example/', 'CRLF between the slashes'],
  ['\t//evil.example/', 'leading tab'],
  [' //evil.example/', 'leading space'],
  ['\u0000//evil.example/', 'leading NUL'],
  ['//evil.example/', 'protocol-relative'],
  ['/\\evil.example/', 'slash backslash'],
  ['\\\\evil.example/', 'two backslashes'],
  ['https://evil.example/', 'another origin'],
  ['http://127.0.0.1:3000.evil.example/', 'this host as a prefix of another (not even a valid URL)'],
  ['http://127.0.0.1:3001/', 'another port'],
  ['https://127.0.0.1:3000/', 'another scheme'],
  ['javascript:alert(document.domain)', 'script URL'],
  ['data:text/html,<script>alert(1)</script>', 'data URL'],
  ['', 'empty'],
])('%j (%s) falls back to /', (value) => {
  expect(safeCallbackUrl(value, site)).toBe('/');
});

test('the browser would land on this site for every value kept', () => {
  const hostile = ['/\t/evil.example/', '/.//evil.example/', '/./\\evil.example', '/%2F%2Fevil.example', '/..//evil.example'];
  for (const value of hostile) {
    const kept = safeCallbackUrl(value, site);
    expect(new URL(kept, `${site}/some/page`).origin, `${JSON.stringify(value)} → ${kept}`).toBe(site);
    expect(kept).toMatch(/^\/(?![/\\])/);
  }
});

test.each([
  ['/', '/'],
  ['/bookmarks', '/bookmarks'],
  ['/docs/papers/y2025/nov/20251121#3-gdpo', '/docs/papers/y2025/nov/20251121#3-gdpo'],
  ['/bookmarks?status=READ', '/bookmarks?status=READ'],
  ['/docs/papers/y2025/nov/20251121#에이전트', '/docs/papers/y2025/nov/20251121#%EC%97%90%EC%9D%B4%EC%A0%84%ED%8A%B8'],
  ['http://127.0.0.1:3000/notes', '/notes'],
  ['/no\ttab', '/notab'],
])('%j stays on this site as %j', (value, expected) => {
  expect(safeCallbackUrl(value, site)).toBe(expected);
});

test('a repeated query parameter: the first value counts', () => {
  expect(safeCallbackUrl(['/notes', '//evil.example'], site)).toBe('/notes');
  expect(safeCallbackUrl(['//evil.example', '/notes'], site)).toBe('/');
  expect(safeCallbackUrl(undefined, site)).toBe('/');
});
