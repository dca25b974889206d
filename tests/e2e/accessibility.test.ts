import { expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { axeViolations as violations, setupBrowser, signedInContext, waitForHydration } from '@/tests/e2e/browser';
import { libraryPages, publicPages, readerPages } from '@/tests/e2e/pages';
import { Reader } from '@/tests/e2e/client';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const browser = setupBrowser();

const schemes = ['light', 'dark'] as const;

test.each(schemes)(
  'no axe violations on any public page (%s)',
  async (colorScheme) => {
    const context = await browser().newContext({ colorScheme });
    const page = await context.newPage();
    for (const path of publicPages(index)) {
      await page.goto(`${baseURL}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await violations(page), path).toEqual([]);
    }
    await context.close();
  },
  180_000,
);

test.each(schemes)('no axe violations with the search box open and results shown (%s)', async (colorScheme) => {
  const context = await browser().newContext({ colorScheme });
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await waitForHydration(page);
  await page.keyboard.press('/');
  await expect.poll(() => page.getByRole('dialog', { name: 'Search reviews and papers' }).isVisible()).toBe(true);
  await page.keyboard.type('에이전트');
  await expect.poll(() => page.locator('[data-search-hit]').count()).toBeGreaterThan(0);
  expect(await violations(page)).toEqual([]);
  await context.close();
});

test.each(schemes)(
  'no axe violations on any page for a signed-in reader, notes open, search with notes (%s)',
  async (colorScheme) => {
    const reader = await new Reader(baseURL).signUp();
    const paper = index.reviews[0]!.papers[0]!;
    await reader.json('PUT', '/api/bookmarks', { paperId: paper.paperId, bookmarked: true });
    await reader.json('PUT', '/api/status', { paperId: paper.paperId, status: 'READ' });
    await reader.json('POST', '/api/notes', { paperId: paper.paperId, body: '에이전트 **note** with `code`' });
    // The theme picked in the footer rather than the system's: the class-based path.
    const context = await signedInContext(browser(), baseURL, reader.cookieHeader, {
      colorScheme: colorScheme === 'dark' ? 'light' : 'dark',
    });
    await context.addInitScript((theme) => localStorage.setItem('theme', theme), colorScheme);
    const page = await context.newPage();
    for (const path of [...publicPages(index).filter((p) => p !== '/signin'), ...readerPages]) {
      await page.goto(`${baseURL}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await violations(page), path).toEqual([]);
    }
    // The review page with its note panel open and a draft typed (the counter).
    await page.goto(`${baseURL}${index.reviews[0]!.url}`);
    await waitForHydration(page);
    await expect.poll(() => page.locator(`[data-notes-for="${paper.paperId}"] textarea`).count()).toBe(1);
    await page.locator(`[data-notes-for="${paper.paperId}"] textarea`).fill('draft');
    expect(await violations(page), 'note panel').toEqual([]);
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search reviews and papers' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Search my notes too').check();
    await dialog.getByRole('searchbox').fill('에이전트');
    await expect.poll(() => page.locator('[data-note-hit]').count()).toBeGreaterThan(0);
    expect(await violations(page), 'search with notes').toEqual([]);
    await context.close();
  },
  180_000,
);

test('no axe violations on /bookmarks, /library (collections open) and the other reader pages for a signed-in reader', async () => {
  const reader = await new Reader(baseURL).signUp();
  await reader.json('PUT', '/api/bookmarks', { paperId: index.papers[0]!.paperId, bookmarked: true });
  const list = await reader.json<{ collection: { id: string } }>('POST', '/api/collections', { name: 'Reading group' });
  await reader.json('PUT', `/api/collections/${list.data.collection.id}/papers`, { paperId: index.papers[0]!.paperId, included: true });
  const context = await browser().newContext();
  const cookies = reader.cookieHeader.split('; ').map((pair) => {
    const [name, ...value] = pair.split('=');
    return { name: name!, value: value.join('='), url: baseURL };
  });
  await context.addCookies(cookies);
  const page = await context.newPage();
  for (const path of ['/bookmarks', '/library', '/notes', '/account']) {
    await page.goto(`${baseURL}${path}`);
    await page.waitForLoadState('networkidle');
    // The list of /library and /bookmarks is an island: checked once it shows the reader's paper.
    if (libraryPages.includes(path)) await expect.poll(() => page.locator('[data-library-item]').count(), { message: path }).toBe(1);
    expect(await violations(page), path).toEqual([]);
  }
  await page.goto(`${baseURL}/library`);
  await page.locator('button[data-collections-for]').first().click();
  await expect.poll(() => page.getByRole('checkbox', { name: 'Reading group' }).isChecked()).toBe(true);
  expect(await violations(page), '/library with a collection picker open').toEqual([]);
  await context.close();
});

test('every control on a review page is reachable with Tab', async () => {
  const reader = await new Reader(baseURL).signUp();
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies(
    reader.cookieHeader.split('; ').map((pair) => {
      const [name, ...value] = pair.split('=');
      return { name: name!, value: value.join('='), url: baseURL };
    }),
  );
  const page = await context.newPage();
  const review = index.reviews.find((r) => Object.keys(r.assets.imports).length)!;
  await page.goto(`${baseURL}${review.url}`);
  await expect.poll(() => page.locator('main select').count()).toBe(review.papers.length);
  await expect.poll(() => page.locator('article img[role="button"]').count()).toBeGreaterThan(0);
  const total = await page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>('main a[href], main button:not([disabled]), main select, main input, main [tabindex="0"]'),
    ].filter((el) => el.getClientRects().length > 0 && !el.closest('dialog:not([open])'));
    controls.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
    return controls.length;
  });
  const reached = new Set<string>();
  for (let i = 0; i < total + 40 && reached.size < total; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kbd'));
    if (id) reached.add(id);
  }
  const missed = await page.evaluate(
    (seen) =>
      [...document.querySelectorAll('[data-kbd]')]
        .filter((el) => !seen.includes(el.getAttribute('data-kbd')!))
        .map((el) => el.outerHTML.slice(0, 80)),
    [...reached],
  );
  expect(missed).toEqual([]);
  expect(total).toBeGreaterThan(10);
  await context.close();
});
