import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { startWithDatabaseAt, startWithDatabaseDown, type LoggedApp } from '@/tests/support/server';
import { axeViolations, cspViolations, recordCspViolations, setupBrowser, waitForHydration } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';
import { paperHref } from '@/lib/content/urls';
import { cspMetaOf } from '@/lib/security/csp-meta';
import { inlineScriptHashes } from '@/lib/security/inline-scripts';

const index = buildIndex(undefined, undefined, { drafts: false });
// A review with figures (zoom) and math (KaTeX): every sample review has both.
const review = index.reviews.find((r) => Object.keys(r.assets.imports).length)!;
const paperId = index.papers[0]!.paperId;
const browser = setupBrowser();

const fixedHeaders = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function expectSecurityHeaders(response: Response, path: string) {
  for (const [name, value] of Object.entries(fixedHeaders)) expect(response.headers.get(name), `${name} on ${path}`).toBe(value);
  expect(response.headers.get('permissions-policy'), path).toContain('camera=()');
}

function expectSharedCacheable(response: Response, path: string) {
  const cache = response.headers.get('cache-control') ?? '';
  expect(cache, `cache-control of ${path}`).toMatch(/(s-maxage|max-age)=\d{3,}/);
  expect(cache, path).not.toMatch(/private|no-store/);
  expect(response.headers.get('set-cookie'), path).toBeNull();
}

function expectPrivate(response: Response, path: string) {
  const cache = response.headers.get('cache-control') ?? '';
  expect(cache, `cache-control of ${path}`).toContain('private');
  expect(cache, path).toContain('no-store');
}

describe.each(inject('servers'))('headers on $backend', ({ baseURL }) => {
  let reader: Reader;
  beforeAll(async () => {
    reader = await new Reader(baseURL).signUp();
    expect((await reader.json('PUT', '/api/bookmarks', { paperId, bookmarked: true })).status).toBe(200);
  });

  test('pages, feeds and content are cacheable by anyone, with the security headers, served with no proxy in front', async () => {
    for (const path of [review.url, '/', '/papers', paperHref(paperId), '/rss.xml', '/atom.xml', '/search-index.json']) {
      const response = await fetch(`${baseURL}${path}`);
      expect(response.status, path).toBe(200);
      expectSecurityHeaders(response, path);
      expectSharedCacheable(response, path);
      // Nothing ran in front of it: no request id, and only the one directive a <meta> policy cannot carry.
      expect(response.headers.get('x-request-id'), path).toBeNull();
      expect(response.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'");
    }
  });

  test('a prerendered page carries its hash-only script policy in a <meta> tag ahead of every script', async () => {
    for (const path of [review.url, '/', '/papers']) {
      const html = await (await fetch(`${baseURL}${path}`)).text();
      const head = html.slice(html.indexOf('<head>'));
      expect(head, path).toMatch(/^<head><meta charSet="utf-8"\/><meta http-equiv="Content-Security-Policy" content="[^"]+"\/>/);
      const policy = cspMetaOf(html)!;
      const scripts = policy.split('; ').find((d) => d.startsWith('script-src '))!;
      expect(scripts, path).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
      // Exactly the page's own inline scripts, and nothing a <meta> policy cannot carry.
      expect(
        scripts
          .split(' ')
          .slice(2)
          .map((h) => h.slice(1, -1))
          .sort(),
        path,
      ).toEqual(inlineScriptHashes(html).sort());
      expect(policy, path).toContain("object-src 'none'");
      expect(policy, path).not.toContain('frame-ancestors');
    }
  });

  test('API routes and pages rendered per request go through the proxy: a request id and the nonce policy in the header', async () => {
    for (const path of ['/api/health', '/signin', '/no-such-page']) {
      const response = await fetch(`${baseURL}${path}`);
      expectSecurityHeaders(response, path);
      expect(response.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+ 'nonce-[^']+'/);
      expect(policy, path).toContain("frame-ancestors 'none'");
    }
  });

  test('a made-up /docs/ URL is a 404 that the server does not store: nothing is kept per URL', async () => {
    const token = randomBytes(6).toString('hex');
    for (const path of [`/docs/${token}`, `/docs/papers/y2025/nov/${token}`, `/docs/${token}/a/b/c`]) {
      const response = await fetch(`${baseURL}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('Page not found');
    }
    // Next's on-demand page store (.next/server/route-cache when self-hosted) has no entry for any of them.
    const stored = readdirSync('.next/server', { recursive: true, encoding: 'utf8' }).filter((file) => file.includes(token));
    expect(stored).toEqual([]);
  });

  test('hashed assets and content images are cached for a year, immutable', async () => {
    const html = await (await fetch(`${baseURL}${review.url}`)).text();
    const chunk = html.match(/\/_next\/static\/[^"]+\.js/)![0];
    const image = html.match(/\/content-assets\/[^"]+\.png\?v=[^"]+/)![0].replaceAll('&amp;', '&');
    for (const path of [chunk, image]) {
      const response = await fetch(`${baseURL}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      expectSecurityHeaders(response, path);
    }
  });

  test('everything about the signed-in reader is private, no-store; the review page they read stays the shared copy', async () => {
    for (const path of [
      '/api/reader/state',
      '/api/bookmarks',
      '/api/library?view=bookmarks',
      '/api/export?format=json',
      '/notes',
      '/account',
    ]) {
      const response = await reader.request('GET', path);
      expect(response.status, path).toBe(200);
      expectPrivate(response, path);
      expectSecurityHeaders(response, path);
    }
    const state = await reader.json<{ bookmarks: string[] }>('GET', '/api/reader/state');
    expect(state.data.bookmarks).toContain(paperId);

    const signedIn = await reader.request('GET', review.url);
    expectSharedCacheable(signedIn, review.url);
    const html = await signedIn.text();
    expect(html).not.toContain(reader.email);
    expect(html).toBe(await (await fetch(`${baseURL}${review.url}`)).text());

    // /bookmarks and /library are prerendered shells: the same shared copy for everyone, their list private (above).
    for (const path of ['/bookmarks', '/library']) {
      const shell = await reader.request('GET', path);
      expectSharedCacheable(shell, path);
      expectSecurityHeaders(shell, path);
      const shellHtml = await shell.text();
      expect(shellHtml).not.toContain(reader.email);
      expect(shellHtml).not.toContain(paperId);
      expect(shellHtml).toBe(await (await fetch(`${baseURL}${path}`)).text());
    }
  });

  test('pages rendered per request get a fresh nonce instead of hashes', async () => {
    const policies = await Promise.all(
      [1, 2].map(async () => (await fetch(`${baseURL}/signin`)).headers.get('content-security-policy') ?? ''),
    );
    const nonces = policies.map((p) => p.match(/'nonce-([^']+)'/)?.[1]);
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
    const html = await (await fetch(`${baseURL}/signin`)).text();
    expect(html).toMatch(/<script[^>]+nonce="[^"]+"/);
  });

  test('/api/health answers 200 while the database is up', async () => {
    const response = await fetch(`${baseURL}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expectPrivate(response, '/api/health');
  });
});

describe('with the database down', () => {
  let app: LoggedApp & { databasePort: number };
  beforeAll(async () => {
    app = await startWithDatabaseDown();
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  // A session cookie as NextAuth would have issued it before the outage.
  const sessionCookie = async () =>
    `next-auth.session-token=${await encode({ token: { sub: 'reader-1', email: 'outage@example.com' }, secret: app.secret })}`;

  test('/api/health answers 503 without saying why; the log says why, with the request id and no password', async () => {
    const response = await fetch(`${app.baseURL}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('{"status":"unavailable"}');
    const requestId = response.headers.get('x-request-id')!;
    await expect.poll(() => app.logs()).toContain(`[error] request=${requestId} health check: database unreachable:`);
    expect(app.logs()).not.toContain('db-password-not-for-logs');
  });

  test('a reader page fails with the friendly error page, and the log line carries the request id, not the cookie', async () => {
    const cookie = await sessionCookie();
    const response = await fetch(`${app.baseURL}/notes`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/PrismaClient|DatabaseNotReachable|at async/);
    const requestId = response.headers.get('x-request-id')!;
    await expect.poll(() => app.logs()).toMatch(new RegExp(`\\[error\\] request=${requestId} GET /notes \\(render, digest \\d+\\)`));
    expect(app.logs()).not.toContain(cookie.split('=')[1]!.slice(0, 40));
    expect(app.logs()).not.toContain('db-password-not-for-logs');

    // What the reader sees once the page's scripts run (under its nonce policy), light and dark.
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser().newContext({ baseURL: app.baseURL, colorScheme });
      await context.addCookies([{ name: 'next-auth.session-token', value: cookie.split('=')[1]!, url: app.baseURL }]);
      const page = await context.newPage();
      await page.goto('/notes');
      const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
      await expect.poll(() => alert.isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Try again', exact: true }).isVisible()).toBe(true);
      // The header cannot read the reader's state either: it says so and offers a retry, not "Sign in".
      const retry = page.getByRole('button', { name: 'Retry loading your account' }).first();
      await expect.poll(() => retry.isVisible()).toBe(true);
      // The API says 503 (the database is not answering); the page itself is the error page's 500.
      expect(await retry.getAttribute('title')).toMatch(/^Could not load your reading data \(the server answered 503\)\.$/);
      expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(0);
      const digest = (await alert.textContent())!.match(/Reference: (\d+)/)?.[1];
      expect(digest).toBeTruthy();
      await expect.poll(() => app.logs()).toContain(`GET /notes (render, digest ${digest})`);
      expect(await axeViolations(page), colorScheme).toEqual([]);

      // /bookmarks is a prerendered shell: its list says the database is not answering and offers to try again.
      await page.goto('/bookmarks');
      const listAlert = page.getByRole('alert').filter({ hasText: 'Could not load your library.' });
      await expect.poll(() => listAlert.isVisible()).toBe(true);
      expect(await listAlert.textContent()).toContain('The database is not answering right now');
      expect(await listAlert.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      expect(await page.locator('[data-library-item]').count()).toBe(0);
      expect(await axeViolations(page), `/bookmarks, ${colorScheme}`).toEqual([]);
      await context.close();
    }
  });

  test('an API call fails with a JSON 503 that says the database is not answering, and a logged request id, never a stack', async () => {
    const response = await fetch(`${app.baseURL}/api/bookmarks`, { headers: { Cookie: await sessionCookie() } });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: DATABASE_DOWN });
    expectPrivate(response, '/api/bookmarks');
    await expect
      .poll(() => app.logs())
      .toContain(`[error] request=${response.headers.get('x-request-id')} GET /api/bookmarks: database unavailable:`);
  });

  test("a failed page leaves only the app's redacted line in the log: no driver or Prisma text through Next's own line", async () => {
    const response = await fetch(`${app.baseURL}/notes`, { headers: { Cookie: await sessionCookie() } });
    expect(response.status).toBe(500);
    await expect.poll(() => app.logs()).toMatch(/\[error\] request=\S+ GET \/notes \(render/);
    // The address the driver failed to reach, and Prisma's invocation text, appear nowhere.
    expect(app.logs()).not.toContain(`127.0.0.1:${app.databasePort}`);
    expect(app.logs()).not.toMatch(/ECONNREFUSED|Invalid `prisma|invocation/);
  });
});

const DATABASE_DOWN = 'The database is not answering right now, so nothing was read or saved. Please try again in a minute.';

describe('with a database that accepts connections and never answers (finding 10)', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let app: LoggedApp;
  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
      socket.resume(); // reads everything, answers nothing
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    // The default timeouts (lib/config/env.ts): nothing configured.
    app = await startWithDatabaseAt((silent.address() as { port: number }).port);
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent?.close(resolve));
  });

  const timed = async (request: Promise<Response>) => {
    const started = Date.now();
    const response = await request;
    return { response, seconds: (Date.now() - started) / 1000 };
  };

  test('saving a note, the reader state, sign-up and sign-in each fail within seconds: 503 and a clear message, or the sign-in page', async () => {
    const cookie = `next-auth.session-token=${await encode({ token: { sub: 'reader-1', email: 'silent@example.com', sv: 0 }, secret: app.secret })}`;
    const headers = { Cookie: cookie, Origin: app.baseURL, 'Content-Type': 'application/json' };
    const [note, state, signup] = await Promise.all([
      timed(fetch(`${app.baseURL}/api/notes`, { method: 'POST', headers, body: JSON.stringify({ paperId, body: 'hi' }) })),
      timed(fetch(`${app.baseURL}/api/reader/state`, { headers: { Cookie: cookie } })),
      timed(
        fetch(`${app.baseURL}/api/signup`, {
          method: 'POST',
          headers: { Origin: app.baseURL, 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'silent-signup@example.com', password: 'correct horse battery staple' }),
        }),
      ),
    ]);
    for (const [name, { response, seconds }] of Object.entries({ note, state, signup })) {
      expect(response.status, name).toBe(503);
      expect(await response.json(), name).toEqual({ error: DATABASE_DOWN });
      // Signed in: the session check and the query each wait DB_CONNECT_TIMEOUT_MS (5 s) at most.
      expect(seconds, name).toBeLessThan(12);
    }
    const reader = new Reader(app.baseURL, 'silent-signin@example.com');
    const started = Date.now();
    expect(await reader.trySignIn()).toBe('Unavailable');
    expect((Date.now() - started) / 1000).toBeLessThan(12);
  }, 60_000);

  test('/api/health answers 503 within its own 3 s', async () => {
    const { response, seconds } = await timed(fetch(`${app.baseURL}/api/health`));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
    expect(seconds).toBeLessThan(5);
  });
});

describe('content security policy in the browser', () => {
  const baseURL = inject('baseURL');

  test('math, figure zoom, search and the reader islands run with no CSP violation; an injected script is refused', async () => {
    const reader = await new Reader(baseURL).signUp();
    const context = await browser().newContext({ baseURL });
    await context.addCookies(
      reader.cookieHeader.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseURL };
      }),
    );
    await recordCspViolations(context);
    const page = await context.newPage();
    const consoleCsp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleCsp.push(message.text());
    });
    const violations = () => cspViolations(page);

    await page.goto(review.url);
    await waitForHydration(page);
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex-html').first().isVisible()).toBe(true);
    // Signed in: the island knows the reader (it fetched /api/reader/state under the policy).
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBeGreaterThan(0);

    const figure = page.locator('article .prose img').first();
    await figure.scrollIntoViewIfNeeded();
    await figure.click();
    const zoom = page.getByRole('dialog', { name: 'Enlarged figure' });
    await expect.poll(() => zoom.isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    await page.keyboard.press('/');
    const search = page.getByRole('dialog', { name: 'Search reviews and papers' });
    await expect.poll(() => search.isVisible()).toBe(true);
    await page.keyboard.type('에이전트');
    await expect.poll(() => search.locator('[data-search-hit]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    await page.goto('/bookmarks');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My bookmarks');
    await page.goto('/signin');
    await expect.poll(() => page.locator('input[type="email"]').isEnabled()).toBe(true);
    // A 404 is the prerendered not-found page served under a per-request policy: its scripts still run.
    expect((await page.goto('/no-such-page'))?.status()).toBe(404);
    await page.waitForLoadState('networkidle');
    await page
      .getByRole('button', { name: /^Search/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Search reviews and papers' }).isVisible()).toBe(true);

    expect(await violations()).toEqual([]);
    expect(consoleCsp).toEqual([]);

    // The policy is really enforced: a script injected into the page does not run.
    await page.goto(review.url);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
    await context.close();
  });
});
