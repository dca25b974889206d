import { describe, expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { RESET_REQUESTED_MESSAGE } from '@/lib/reader/shared';
import { Reader } from '@/tests/e2e/client';
import { mailsTo } from '@/tests/support/smtp';

const papers = buildIndex(undefined, undefined, { drafts: false }).papers;
const paperId = papers[0]!.paperId;
const otherPaperId = papers[1]!.paperId;
const mailDir = inject('mailDir');

/** The reset link in the newest mail to this address, once it has arrived. */
async function resetLinkFor(email: string, after = 0): Promise<string> {
  await expect.poll(() => mailsTo(mailDir, email).length).toBeGreaterThan(after);
  const link = mailsTo(mailDir, email)
    .at(-1)!
    .text.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no reset link in the mail to ${email}`);
  return link;
}

describe.each(inject('servers'))('accounts on $backend', ({ baseURL }) => {
  describe('sessions end for every device at once', () => {
    test('signing out ends every copy of the cookie, and every other device', async () => {
      const reader = await new Reader(baseURL).signUp();
      const copied = reader.copy();
      const laptop = await reader.otherDevice();
      expect(await copied.sessionEmail()).toBe(reader.email);
      expect((await copied.json('GET', '/api/bookmarks')).status).toBe(200);

      const signOut = await reader.nextAuthSignOut();
      expect(signOut.status).toBe(302);
      for (const device of [copied, laptop]) {
        expect(await device.sessionEmail()).toBeNull();
        expect((await device.json('GET', '/api/bookmarks')).status).toBe(401);
        expect((await device.json<{ user: unknown }>('GET', '/api/reader/state')).data.user).toBeNull();
      }
      // Signing in again works, and a sign-out from the old, ended cookie cannot end the new session.
      const again = await new Reader(baseURL, reader.email).signIn();
      expect((await copied.nextAuthSignOut()).status).toBe(302);
      expect(await again.sessionEmail()).toBe(reader.email);
    });

    test('deleting the account signs out the other devices from their next request', async () => {
      const reader = await new Reader(baseURL).signUp();
      const phone = await reader.otherDevice();
      expect(await phone.sessionEmail()).toBe(reader.email);
      expect((await reader.json('DELETE', '/api/account', { confirm: 'DELETE' })).status).toBe(200);
      expect(await phone.sessionEmail()).toBeNull();
      expect((await phone.json<{ user: unknown }>('GET', '/api/reader/state')).data.user).toBeNull();
      expect((await phone.json('PUT', '/api/bookmarks', { paperId, bookmarked: true })).status).toBe(401);
    });

    test('a copy of an ended session cannot bookmark: 401, and nothing is written or removed', async () => {
      const reader = await new Reader(baseURL).signUp();
      const copied = reader.copy();
      expect((await copied.json('PUT', '/api/bookmarks', { paperId, bookmarked: true })).status).toBe(200);
      expect((await reader.json('DELETE', '/api/account/sessions')).status).toBe(200);
      expect(await copied.json('PUT', '/api/bookmarks', { paperId, bookmarked: false })).toEqual({
        status: 401,
        data: { error: 'Sign in to do this.' },
      });
      expect((await copied.json('PUT', '/api/bookmarks', { paperId: otherPaperId, bookmarked: true })).status).toBe(401);
      await reader.signIn();
      const { data } = await reader.json<{ items: { paperId: string }[] }>('GET', '/api/bookmarks');
      expect(data.items.map((item) => item.paperId)).toEqual([paperId]);
    });

    test('"sign out everywhere" ends every session, this one included', async () => {
      const reader = await new Reader(baseURL).signUp();
      const tablet = await reader.otherDevice();
      const copied = reader.copy();
      expect(await reader.json('DELETE', '/api/account/sessions')).toEqual({ status: 200, data: { signedOut: true } });
      for (const device of [reader, tablet, copied]) expect(await device.sessionEmail()).toBeNull();
      await reader.signIn();
      expect(await reader.sessionEmail()).toBe(reader.email);
    });
  });

  describe('password and email changes', () => {
    test('changing the password needs the current one, ends every session, and the new one signs in', async () => {
      const reader = await new Reader(baseURL).signUp();
      const other = await reader.otherDevice();
      expect(await reader.json('POST', '/api/account/password', { currentPassword: 'not it', newPassword: 'a new password 1' })).toEqual({
        status: 403,
        data: { error: 'The current password is not correct.' },
      });
      expect(await reader.json('POST', '/api/account/password', { currentPassword: reader.password, newPassword: 'short' })).toEqual({
        status: 400,
        data: { error: 'Invalid request: newPassword: Use at least 8 characters.' },
      });
      expect(await other.sessionEmail()).toBe(reader.email);

      const changed = await reader.json('POST', '/api/account/password', {
        currentPassword: reader.password,
        newPassword: 'a new password 1',
      });
      expect(changed).toEqual({ status: 200, data: { email: reader.email } });
      expect(await reader.sessionEmail()).toBeNull();
      expect(await other.sessionEmail()).toBeNull();
      expect(await new Reader(baseURL, reader.email).trySignIn()).toBe('CredentialsSignin');
      expect(await new Reader(baseURL, reader.email, 'a new password 1').trySignIn()).toBeNull();
    });

    test('changing the email needs the password and a free address; the old address no longer signs in', async () => {
      const reader = await new Reader(baseURL).signUp();
      const taken = await new Reader(baseURL).signUp();
      const newEmail = `moved-${reader.email}`;
      expect((await reader.json('POST', '/api/account/email', { email: newEmail, currentPassword: 'wrong' })).status).toBe(403);
      expect(
        await reader.json('POST', '/api/account/email', { email: taken.email.toUpperCase(), currentPassword: reader.password }),
      ).toEqual({
        status: 409,
        data: { error: 'An account with this email already exists.' },
      });
      expect(await reader.json('POST', '/api/account/email', { email: 'not an email', currentPassword: reader.password })).toEqual({
        status: 400,
        data: { error: 'Invalid request: email: Enter a valid email address.' },
      });
      expect(await reader.json('POST', '/api/account/email', { email: newEmail, currentPassword: reader.password })).toEqual({
        status: 200,
        data: { email: newEmail },
      });
      expect(await reader.sessionEmail()).toBeNull();
      expect(await new Reader(baseURL, reader.email).trySignIn()).toBe('CredentialsSignin');
      expect(await new Reader(baseURL, newEmail).signIn().then((r) => r.sessionEmail())).toBe(newEmail);
    });

    test('guessing the current password through these forms is limited like sign-in', async () => {
      const reader = await new Reader(baseURL).signUp();
      for (let i = 0; i < 5; i++) {
        expect(
          (await reader.json('POST', '/api/account/password', { currentPassword: `guess ${i}`, newPassword: 'a new password 1' })).status,
        ).toBe(403);
      }
      const refused = await reader.json<{ error: string }>('POST', '/api/account/password', {
        currentPassword: reader.password,
        newPassword: 'a new password 1',
      });
      expect(refused.status).toBe(429);
      expect(refused.data.error).toMatch(/^Too many attempts from this network\./);
    });
  });

  describe('sign-in limits', () => {
    test('wrong passwords from one address do not lock the owner out: the right password from another address signs in', async () => {
      const owner = await new Reader(baseURL).signUp();
      const attacker = new Reader(baseURL, owner.email);
      for (let i = 0; i < 6; i++) await attacker.trySignIn(`guess number ${i}`);
      // The guessing address is refused even with the right password…
      expect(await attacker.trySignIn(owner.password)).toBe('RateLimited');
      // …the owner, elsewhere, is not (after the short delay the account's failures now cost).
      const started = Date.now();
      expect(await new Reader(baseURL, owner.email).trySignIn()).toBeNull();
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    });

    test('rotating X-Forwarded-For in front of the proxy does not reset the per-address sign-up limit', async () => {
      // The test servers trust one proxy: the address it appends (the last entry) is the client.
      const client = `198.51.100.${Math.floor(Math.random() * 250)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const reader = new Reader(baseURL);
        reader.address = `10.0.${i}.1, ${client}`;
        statuses.push((await reader.json('POST', '/api/signup', { email: reader.email, password: 'long enough pw' })).status);
      }
      expect(statuses).toEqual([...Array<number>(10).fill(201), 429]);
    });
  });

  describe('password reset by email', () => {
    test('the answer is the same whether or not the account exists', async () => {
      const known = await new Reader(baseURL).signUp();
      const answers = [];
      for (const email of [known.email, `nobody-${known.email}`]) {
        const response = await new Reader(baseURL).request('POST', '/api/password-reset', { json: { email } });
        answers.push({ status: response.status, body: await response.text() });
      }
      expect(answers[0]).toEqual({ status: 202, body: JSON.stringify({ message: RESET_REQUESTED_MESSAGE }) });
      expect(answers[1]).toEqual(answers[0]);
      await resetLinkFor(known.email);
      expect(mailsTo(mailDir, `nobody-${known.email}`)).toEqual([]);
    });

    test('the link sets a new password once, ends every session, and the new password signs in', async () => {
      const reader = await new Reader(baseURL).signUp();
      const phone = await reader.otherDevice();
      expect((await new Reader(baseURL).request('POST', '/api/password-reset', { json: { email: reader.email } })).status).toBe(202);
      const link = await resetLinkFor(reader.email);
      // The link points at this site (NEXTAUTH_URL), whatever Host the request named.
      expect(new URL(link).origin).toBe(baseURL);
      const token = link.split('/').at(-1)!;
      expect((await fetch(link)).status).toBe(200);

      const stranger = new Reader(baseURL);
      expect(await stranger.json('POST', '/api/password-reset/complete', { token, password: 'short' })).toEqual({
        status: 400,
        data: { error: 'Invalid request: password: Use at least 8 characters.' },
      });
      expect(await stranger.json('POST', '/api/password-reset/complete', { token, password: 'reset password 1' })).toEqual({
        status: 200,
        data: { email: reader.email },
      });
      expect(await reader.sessionEmail()).toBeNull();
      expect(await phone.sessionEmail()).toBeNull();
      expect(await new Reader(baseURL, reader.email).trySignIn()).toBe('CredentialsSignin');
      expect(await new Reader(baseURL, reader.email, 'reset password 1').trySignIn()).toBeNull();
      expect(await stranger.json('POST', '/api/password-reset/complete', { token, password: 'reset password 2' })).toEqual({
        status: 410,
        data: { error: 'This link has expired or was already used. Ask for a new one.' },
      });
      expect(await (await fetch(link)).text()).toContain('This link has expired or was already used.');
    });

    test('a reset link is built on the configured origin, never the host the request names', async () => {
      const reader = await new Reader(baseURL).signUp();
      const before = mailsTo(mailDir, reader.email).length;
      // What curl can send: another host, and an Origin that matches it (so the same-origin check passes).
      const asked = await new Reader(baseURL).request('POST', '/api/password-reset', {
        json: { email: reader.email },
        headers: { 'X-Forwarded-Host': 'evil.example', Origin: 'http://evil.example' },
      });
      expect(asked.status).toBe(202);
      expect(new URL(await resetLinkFor(reader.email, before)).origin).toBe(baseURL);
    });

    test('requests are limited: five an hour from one address', async () => {
      const from = new Reader(baseURL);
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await from.request('POST', '/api/password-reset', { json: { email: `limit-${i}-${from.email}` } })).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    });
  });

  describe('new routes refuse cross-site and signed-out requests', () => {
    const mutations: [string, string, unknown][] = [
      ['POST', '/api/account/password', { currentPassword: 'x', newPassword: 'a new password 1' }],
      ['POST', '/api/account/email', { email: 'x@example.com', currentPassword: 'x' }],
      ['DELETE', '/api/account/sessions', undefined],
      ['POST', '/api/password-reset', { email: 'x@example.com' }],
      ['POST', '/api/password-reset/complete', { token: 'A'.repeat(43), password: 'a new password 1' }],
    ];

    test('a forged Origin gets 403 and changes nothing', async () => {
      const reader = await new Reader(baseURL).signUp();
      for (const [method, path, body] of mutations) {
        for (const origin of ['https://evil.example', 'null']) {
          const response = await reader.request(method, path, { json: body, headers: { Origin: origin } });
          expect(response.status, `${method} ${path} from ${origin}`).toBe(403);
          expect(((await response.json()) as { error: string }).error).toMatch(/Cross-site request refused/);
        }
      }
      expect(await reader.sessionEmail()).toBe(reader.email);
      expect(await new Reader(baseURL, reader.email).trySignIn()).toBeNull();
    });

    test('the account routes need a session', async () => {
      const anonymous = new Reader(baseURL);
      for (const [method, path, body] of mutations.slice(0, 3)) {
        expect(await anonymous.json(method, path, body), `${method} ${path}`).toEqual({
          status: 401,
          data: { error: 'Sign in to do this.' },
        });
      }
      const page = await anonymous.request('GET', '/account');
      expect(page.headers.get('location')).toContain('/signin?callbackUrl=%2Faccount');
    });

    test('nothing from the URL reaches the reset and sign-in pages as markup', async () => {
      const script = '<script>alert(1)</script>';
      for (const path of [
        `/reset-password/${encodeURIComponent(script)}`,
        `/signin?error=${encodeURIComponent(script)}`,
        `/signin?callbackUrl=${encodeURIComponent(`/"><img src=x onerror=alert(2)>${script}`)}`,
      ]) {
        const response = await fetch(`${baseURL}${path}`);
        expect(response.status, path).toBeLessThan(500);
        const html = await response.text();
        expect(html, path).not.toContain(script);
        expect(html, path).not.toMatch(/<img src=x onerror/);
      }
    });
  });
});
