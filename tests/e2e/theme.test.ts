import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { cspViolations, recordCspViolations, setupBrowser, signedInContext, waitForHydration } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const browser = setupBrowser();

const DARK_BG = 'rgb(11, 15, 23)';
const LIGHT_BG = 'rgb(255, 255, 255)';

/** What <html> carried when the parser created <body>, before anything of the body could paint. */
async function recordClassAtBody(page: Page) {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      (window as unknown as { __classAtBody: string }).__classAtBody = document.documentElement.className;
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}
const classAtBody = (page: Page) => page.evaluate(() => (window as unknown as { __classAtBody?: string }).__classAtBody);
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
/** The colour a phone paints its browser bar with: the theme-color meta that matches the system's scheme. */
const browserBarColor = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].find((m) => !m.media || matchMedia(m.media).matches)
        ?.content,
  );

test('the theme follows the system until the reader picks one; the pick survives a reload and is there at first paint', async () => {
  const context = await browser().newContext({ baseURL, colorScheme: 'light' });
  await recordCspViolations(context);
  const page = await context.newPage();
  await recordClassAtBody(page);
  const review = index.reviews[0]!;
  await page.goto(review.url);
  await waitForHydration(page);
  expect(await bodyBackground(page)).toBe(LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bodyBackground(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });

  const theme = page.getByLabel('Theme');
  expect(await theme.inputValue()).toBe('system');
  expect(await browserBarColor(page)).toBe('#ffffff');
  await theme.selectOption('dark');
  expect(await bodyBackground(page)).toBe(DARK_BG);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  // The browser bar follows the reader's pick too, not only the system's scheme.
  expect(await browserBarColor(page)).toBe('#0b0f17');

  await page.reload();
  expect(await classAtBody(page)).toBe('dark');
  expect(await bodyBackground(page)).toBe(DARK_BG);
  await waitForHydration(page);
  expect(await page.getByLabel('Theme').inputValue()).toBe('dark');
  await expect.poll(() => browserBarColor(page)).toBe('#0b0f17');
  expect(await cspViolations(page)).toEqual([]);

  // Without any of the app's JavaScript (its CSS still loads), only the inline script in <head> can have set it.
  const appScripts = (url: URL) => url.pathname.startsWith('/_next/') && url.pathname.endsWith('.js');
  await page.route(appScripts, (route) => route.abort());
  await page.goto('/papers');
  expect(await classAtBody(page)).toBe('dark');
  expect(await bodyBackground(page)).toBe(DARK_BG);
  await page.unroute(appScripts);

  // Light wins over a dark system; "System" hands it back.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await waitForHydration(page);
  await page.getByLabel('Theme').selectOption('light');
  await page.reload();
  expect(await classAtBody(page)).toBe('light');
  expect(await bodyBackground(page)).toBe(LIGHT_BG);
  await waitForHydration(page);
  expect(await browserBarColor(page)).toBe('#ffffff');
  await page.getByLabel('Theme').selectOption('system');
  expect(await bodyBackground(page)).toBe(DARK_BG);
  expect(await browserBarColor(page)).toBe('#0b0f17');
  await page.reload();
  expect(await classAtBody(page)).toBe('');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
  await context.close();
});

test('the theme script also runs on pages rendered per request (nonce CSP), with no violation', async () => {
  const reader = await new Reader(baseURL).signUp();
  const context = await signedInContext(browser(), baseURL, reader.cookieHeader, { baseURL, colorScheme: 'light' });
  await recordCspViolations(context);
  await context.addInitScript(() => localStorage.setItem('theme', 'dark'));
  const page = await context.newPage();
  await recordClassAtBody(page);
  for (const path of ['/notes', '/account']) {
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy'], path).toMatch(/'nonce-/);
    expect(await classAtBody(page), path).toBe('dark');
    expect(await bodyBackground(page), path).toBe(DARK_BG);
    expect(await cspViolations(page), path).toEqual([]);
  }
  await context.close();
});
