import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { setupBrowser, signedInContext, waitForHydration } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';
import { libraryPages, publicPages, readerPages } from '@/tests/e2e/pages';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const browser = setupBrowser();
const widths = [320, 360, 390];

/** Elements wider than the page, for the failure message. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
}

async function checkPages(context: BrowserContext, paths: string[], signedIn: boolean) {
  const page = await context.newPage();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 760 });
    for (const path of paths) {
      await page.goto(`${baseURL}${path}`);
      await page.waitForLoadState('networkidle');
      // The reader's islands (account menu, notes) draw once their data arrives: under load that can
      // start after networkidle has already fired (hydration took longer than its 500 ms quiet window).
      if (signedIn) await expect.poll(() => page.locator('header').innerHTML(), { message: path, timeout: 30_000 }).toContain('Sign out');
      // So is the list of /library and /bookmarks: measured with the reader's paper in it.
      if (signedIn && libraryPages.includes(path))
        await expect.poll(() => page.locator('[data-library-item]').count(), { message: path, timeout: 30_000 }).toBe(1);
      expect(await overflow(page), `${path} at ${width}px`).toBeNull();
    }
  }
  await page.close();
}

test('no page is wider than a 320, 360 or 390 px phone, signed out', async () => {
  const context = await browser().newContext();
  await checkPages(context, publicPages(index), false);
  await context.close();
}, 240_000);

test('no page is wider than a 320, 360 or 390 px phone, signed in, with a bookmark, a status and a note', async () => {
  const reader = await new Reader(baseURL, `a-rather-long-address-for-a-phone-${Date.now()}@example.com`).signUp();
  const paperId = index.papers[0]!.paperId;
  await reader.json('PUT', '/api/bookmarks', { paperId, bookmarked: true });
  await reader.json('PUT', '/api/status', { paperId, status: 'READING' });
  await reader.json('POST', '/api/notes', { paperId, body: `A note with a long URL https://example.com/${'x'.repeat(120)} and $x^2$` });
  const context = await signedInContext(browser(), baseURL, reader.cookieHeader);
  await checkPages(context, [...publicPages(index).filter((path) => path !== '/signin'), ...readerPages], true);
  await context.close();
}, 300_000);

test('on a phone the header folds into a menu that holds the sections and the account links', async () => {
  const reader = await new Reader(baseURL).signUp();
  const context = await signedInContext(browser(), baseURL, reader.cookieHeader, { viewport: { width: 360, height: 760 } });
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await waitForHydration(page);
  const header = page.locator('header');
  expect(await header.getByRole('link', { name: 'Bookmarks' }).isVisible()).toBe(false);
  await header.getByText('Menu').click();
  for (const name of ['Reviews', 'Papers', 'Bookmarks', 'Notes', reader.email]) {
    expect(await header.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
  }
  expect(await header.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  await page.keyboard.press('Escape');
  expect(await header.getByRole('link', { name: 'Bookmarks' }).isVisible()).toBe(false);
  await header.getByText('Menu').click();
  // A click outside the open menu (on the page title, left of the panel) closes it.
  const title = (await page.locator('main h1').first().boundingBox())!;
  await page.mouse.click(title.x + 4, title.y + title.height / 2);
  expect(page.url()).toBe(`${baseURL}/`);
  expect(await header.getByRole('link', { name: 'Bookmarks' }).isVisible()).toBe(false);
  // Wide screens show the links in the row, no menu.
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await header.getByRole('link', { name: 'Bookmarks' }).isVisible()).toBe(true);
  expect(await header.getByText('Menu').isVisible()).toBe(false);
  await context.close();
});

test('on a review page every button, select and paper-row link is at least 24×24 CSS px, and the paper controls name their paper', async () => {
  const review = index.reviews.find((r) => r.lang === 'ko' && r.papers.length > 1)!;
  const reader = await new Reader(baseURL).signUp();
  const paper = review.papers[0]!;
  await reader.json('POST', '/api/notes', { paperId: paper.paperId, body: 'A note to edit' });
  const context = await signedInContext(browser(), baseURL, reader.cookieHeader, { viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseURL}${review.url}`);
  await waitForHydration(page);
  await expect.poll(() => page.locator('main select').count()).toBe(review.papers.length);
  await expect.poll(() => page.getByRole('button', { name: 'Edit' }).count()).toBe(1);

  for (const { name } of review.papers) {
    expect(await page.getByRole('button', { name: `Bookmark ${name}`, exact: true }).count(), name).toBe(1);
    expect(await page.getByRole('combobox', { name: `Reading status for ${name}`, exact: true }).count(), name).toBe(1);
  }

  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'header a, header button, header summary, main button, main select, main summary, .paper-row a, footer a, footer select',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0 && !el.matches('.sr-only'))
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width < 24 || rect.height < 24)
      .map(
        ({ el, rect }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${rect.width.toFixed(1)}×${rect.height.toFixed(1)}`,
      ),
  );
  expect(small).toEqual([]);
  const sizes = await page.evaluate(() => {
    const box = (el: Element | null) => {
      const r = el!.getBoundingClientRect();
      return r.width >= 24 && r.height >= 24;
    };
    return {
      star: box(document.querySelector('button[data-bookmark]')),
      status: box(document.querySelector('main select')),
      addNote: box([...document.querySelectorAll('main button')].find((b) => /Add a note|My notes/.test(b.textContent ?? '')) ?? null),
      edit: box([...document.querySelectorAll('main button')].find((b) => b.textContent === 'Edit') ?? null),
    };
  });
  expect(sizes).toEqual({ star: true, status: true, addNote: true, edit: true });
  await context.close();
});
