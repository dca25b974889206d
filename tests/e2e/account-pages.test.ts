import { describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, setupBrowser } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';
import { mailsTo } from '@/tests/support/smtp';

const mailDir = inject('mailDir');
const browser = setupBrowser();

/** A browser context that comes from the reader's own address (the test servers trust one proxy: the test). */
async function contextFor(b: Browser, baseURL: string, reader: Reader, options: { colorScheme?: 'light' | 'dark' } = {}) {
  return b.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': reader.address }, ...options });
}

/** The reader's session cookies, put into a browser: the same session, another window. */
async function signedIn(context: BrowserContext, reader: Reader, baseURL: string) {
  await context.addCookies(
    reader.cookieHeader.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseURL };
    }),
  );
}

describe.each(inject('servers'))('account pages on $backend', ({ baseURL }) => {
  test('password reset, end to end: request, mail received, link followed, new password works, old sessions ended', async () => {
    const reader = await new Reader(baseURL).signUp();
    const laptop = await reader.otherDevice();
    const oldBrowser = await contextFor(browser(), baseURL, laptop);
    await signedIn(oldBrowser, laptop, baseURL);
    const oldPage = await oldBrowser.newPage();
    await oldPage.goto('/account');
    await expect.poll(() => oldPage.getByRole('heading', { level: 1 }).textContent()).toBe('Account');

    // Forgot the password: from the sign-in page to the request form.
    const context = await contextFor(browser(), baseURL, new Reader(baseURL));
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/reset-password');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(reader.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect.poll(() => page.locator('main').getByRole('status').textContent()).toContain('If an account uses this email, a link');

    // The mail arrives at the local SMTP server, with a one-time link to this site.
    await expect.poll(() => mailsTo(mailDir, reader.email).length).toBe(1);
    const [mail] = mailsTo(mailDir, reader.email);
    expect(mail!.subject).toBe('Reset your Papers Review password');
    const link = mail!.text.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/)![0];
    expect(new URL(link).origin).toBe(baseURL);

    await page.goto(link);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('New password', { exact: true }).fill('a fresh password');
    await page.getByLabel('Repeat the new password').fill('a different one');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => page.locator('main').getByRole('alert').textContent()).toBe('The two passwords are not the same.');
    await page.getByLabel('Repeat the new password').fill('a fresh password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    // Signed in with the new password, on the account page.
    await page.waitForURL('**/account');
    await expect.poll(() => page.getByText(`Signed in as ${reader.email}.`).isVisible()).toBe(true);

    // Every session from before has ended: the API client's, and the other browser's.
    expect(await reader.sessionEmail()).toBeNull();
    await oldPage.goto('/account');
    await oldPage.waitForURL('**/signin?callbackUrl=%2Faccount');
    // The new password signs in, the old one no longer does, and the link is used up.
    expect(await new Reader(baseURL, reader.email, 'a fresh password').trySignIn()).toBeNull();
    expect(await new Reader(baseURL, reader.email).trySignIn()).toBe('CredentialsSignin');
    await page.goto(link);
    await expect.poll(() => page.getByText('This link has expired or was already used.').isVisible()).toBe(true);
    await context.close();
    await oldBrowser.close();
  });

  test('the account page: change the password and stay signed in; other devices are signed out', async () => {
    const reader = await new Reader(baseURL).signUp();
    const phone = await reader.otherDevice();
    const context = await contextFor(browser(), baseURL, reader);
    await signedIn(context, reader, baseURL);
    const page = await context.newPage();
    await page.goto('/account');
    const password = page.getByRole('region', { name: 'Password' });
    await password.getByLabel('Current password').fill('not my password');
    await password.getByLabel('New password').fill('another password 9');
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => password.getByRole('alert').textContent()).toBe('The current password is not correct.');

    await password.getByLabel('Current password').fill(reader.password);
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => password.getByRole('status').textContent()).toBe('Password changed. Every other device has been signed out.');
    expect(await phone.sessionEmail()).toBeNull();
    // This browser signed back in with the new password.
    await page.reload();
    await expect.poll(() => page.getByText(`Signed in as ${reader.email}.`).isVisible()).toBe(true);
    expect(await new Reader(baseURL, reader.email, 'another password 9').trySignIn()).toBeNull();
    await context.close();
  });

  test('the account page: change the email, then sign out everywhere', async () => {
    const reader = await new Reader(baseURL).signUp();
    const newEmail = `renamed-${reader.email}`;
    const context = await contextFor(browser(), baseURL, reader);
    await signedIn(context, reader, baseURL);
    const page = await context.newPage();
    await page.goto('/account');
    const email = page.getByRole('region', { name: 'Email' });
    await email.getByLabel('New email').fill(newEmail);
    await email.getByLabel('Current password').fill(reader.password);
    await email.getByRole('button', { name: 'Change email' }).click();
    await expect.poll(() => page.getByText(`Signed in as ${newEmail}.`).isVisible()).toBe(true);

    const other = await new Reader(baseURL, newEmail).signIn();
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL(`${baseURL}/`);
    expect(await other.sessionEmail()).toBeNull();
    await page.goto('/account');
    await page.waitForURL('**/signin?callbackUrl=%2Faccount');
    await context.close();
  });

  test.each(['light', 'dark'] as const)('no axe violations on the account page and the reset pages (%s)', async (colorScheme) => {
    const reader = await new Reader(baseURL).signUp();
    const context = await contextFor(browser(), baseURL, reader, { colorScheme });
    await signedIn(context, reader, baseURL);
    const page = await context.newPage();
    for (const path of ['/account', '/reset-password', `/reset-password/${'A'.repeat(43)}`]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), path).toEqual([]);
    }
    // With an error showing, too.
    await page.goto('/account');
    const password = page.getByRole('region', { name: 'Password' });
    await password.getByLabel('Current password').fill('wrong password');
    await password.getByLabel('New password').fill('another password 9');
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => password.getByRole('alert').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
