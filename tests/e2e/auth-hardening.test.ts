import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { setupBrowser } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';
import { startOnPglite, startWithDatabaseDown, type LoggedApp } from '@/tests/support/server';

const browser = setupBrowser();

/** NextAuth's credentials callback, as the sign-in form posts it, with any callbackUrl. */
async function credentialsCallback(reader: Reader, callbackUrl: string): Promise<Response> {
  const { data } = await reader.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
  return reader.request('POST', '/api/auth/callback/credentials', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken: data.csrfToken, email: reader.email, password: reader.password, callbackUrl }).toString(),
  });
}

describe.each(inject('servers'))('redirects after sign-in on $backend', ({ baseURL }) => {
  const hostile = ['/\t/evil.example/', '/\t\\evil.example/', '/\n/evil.example/', '/\r\n/evil.example/', '//evil.example/'];

  test.each(hostile)('the sign-in form never leaves the site for callbackUrl %j', async (callbackUrl) => {
    const reader = await new Reader(baseURL).signUp();
    const context = await browser().newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': reader.address } });
    const page = await context.newPage();
    // Were the check fooled, the browser would try evil.example: answer it here so nothing leaves the machine.
    await context.route(
      (url) => url.hostname === 'evil.example',
      (route) => route.fulfill({ status: 200, body: 'evil' }),
    );
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel('Email').fill(reader.email);
    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    expect(new URL(page.url()).origin).toBe(baseURL);
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  test('NextAuth’s own callback answers a redirect on this site, never a 500, for any callbackUrl', async () => {
    const port = new URL(baseURL).port;
    const reader = await new Reader(baseURL).signUp();
    for (const callbackUrl of [...hostile, `http://127.0.0.1:${port}.evil.example/`, 'http://evil.example/', 'javascript:alert(1)']) {
      reader.signOut();
      const response = await credentialsCallback(reader, callbackUrl);
      expect(response.status, JSON.stringify(callbackUrl)).toBe(302);
      expect(response.headers.get('location'), JSON.stringify(callbackUrl)).toBe(`${baseURL}/`);
      // And it signed in: the redirect target was the only thing refused.
      expect(await reader.sessionEmail()).toBe(reader.email);
    }
    reader.signOut();
    expect((await credentialsCallback(reader, '/bookmarks?status=READ#top')).headers.get('location')).toBe(
      `${baseURL}/bookmarks?status=READ#top`,
    );
  });

  test('/api/auth/error with any error text redirects to the sign-in page; it never echoes the text', async () => {
    const cases: [string, string][] = [
      ['abc\ndef', 'Default'],
      ['CredentialsSignin', 'CredentialsSignin'],
      ['<script>', 'Default'],
      ["Can't reach database server at db.internal:5432", 'Default'],
    ];
    for (const [error, code] of cases) {
      const response = await fetch(`${baseURL}/api/auth/error?error=${encodeURIComponent(error)}`, { redirect: 'manual' });
      expect(response.status, error).toBe(302);
      expect(response.headers.get('location'), error).toBe(`/signin?error=${code}`);
    }
  });
});

describe('a server that trusts no proxy (the default), logs captured', () => {
  let app: LoggedApp;
  beforeAll(async () => {
    app = await startOnPglite({ TRUSTED_PROXY_COUNT: '' }, { captureLogs: true });
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  test('rotating X-Forwarded-For does not give more sign-ups: the limit counts the connection’s address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const reader = new Reader(app.baseURL);
      reader.address = `203.0.113.${i + 1}`;
      statuses.push((await reader.json('POST', '/api/signup', { email: reader.email, password: 'long enough pw' })).status);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(201), 429]);
  });

  test('a garbled or foreign session cookie: one log line each, no stack, and the request is simply signed out', async () => {
    const cookies = ['garbage', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..bad.bad.bad', 'x'.repeat(3000)];
    for (const value of cookies) {
      const before = app.logs().length;
      const response = await fetch(`${app.baseURL}/api/auth/session`, { headers: { Cookie: `next-auth.session-token=${value}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({});
      const state = await fetch(`${app.baseURL}/api/reader/state`, { headers: { Cookie: `next-auth.session-token=${value}` } });
      expect(((await state.json()) as { user: unknown }).user).toBeNull();
      await expect.poll(() => app.logs().slice(before).trim().split('\n').length).toBe(2);
      const lines = app.logs().slice(before).trim().split('\n');
      for (const line of lines)
        expect(line).toMatch(/^\[warn\] next-auth: ignored a session cookie that does not decrypt \((ERR_JW\w+|JWT_INVALID)\)$/);
      expect(app.logs().slice(before)).not.toMatch(/\bat \S+ \(|node_modules|\.js:\d+/);
    }
  });

  test('NextAuth’s client log endpoint writes nothing', async () => {
    const before = app.logs().length;
    const response = await fetch(`${app.baseURL}/api/auth/_log`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.baseURL },
      body: new URLSearchParams({ level: 'error', code: 'FLOOD', message: 'anyone can write this' }).toString(),
    });
    expect(response.status).toBe(204);
    await fetch(`${app.baseURL}/api/health`);
    expect(app.logs().slice(before)).not.toContain('FLOOD');
  });

  test('the reset page says mail is not set up, and the API answers 503 saying so', async () => {
    const html = await (await fetch(`${app.baseURL}/reset-password`)).text();
    expect(html).toContain('Password reset by email is not set up on this server');
    const reader = new Reader(app.baseURL);
    expect(await reader.json('POST', '/api/password-reset', { email: 'someone@example.com' })).toEqual({
      status: 503,
      data: { error: 'Password reset by email is not set up on this server (it has no mail server configured). Ask the site’s operator.' },
    });
  });
});

describe('signing in with the database down', () => {
  let app: LoggedApp;
  beforeAll(async () => {
    app = await startWithDatabaseDown();
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  test('the redirect carries a code, not the database’s message; following it never gives a 500', async () => {
    const reader = new Reader(app.baseURL, 'outage@example.com');
    const response = await credentialsCallback(reader, `${app.baseURL}/`);
    expect(response.status).toBe(302);
    const location = response.headers.get('location')!;
    // Exactly this: no host, port or database name of the unreachable server, no Prisma text.
    expect(location).toBe(`${app.baseURL}/api/auth/error?error=Unavailable`);

    const error = await reader.request('GET', new URL(location).pathname + new URL(location).search);
    expect(error.status).toBe(302);
    expect(error.headers.get('location')).toBe('/signin?error=Unavailable');
    const page = await reader.request('GET', '/signin?error=Unavailable');
    expect(page.status).toBe(200);
    // The log has the failure, redacted: no password of the database URL.
    await expect.poll(() => app.logs()).toMatch(/\[error\] request=- sign-in: /);
    expect(app.logs()).not.toContain('db-password-not-for-logs');
  });

  test('the sign-in form says sign-in is unavailable', async () => {
    const context = await browser().newContext({ baseURL: app.baseURL });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill('outage@example.com');
    await page.getByLabel('Password').fill('whatever password');
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    // (Next's route announcer is an alert too: look inside the form.)
    await expect
      .poll(() => page.locator('main').getByRole('alert').textContent())
      .toBe('Signing in is not possible right now. Please try again in a few minutes.');
    await context.close();
  });
});
