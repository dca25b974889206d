import { expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { setupBrowser, waitForHydration } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const browser = setupBrowser();

test('search from the keyboard and land on the anchor; the index loads only when the box opens', async () => {
  const context = await browser().newContext({ baseURL });
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const hydrated = () => waitForHydration(page);
  await page.goto(index.reviews[0]!.url);
  await page.waitForLoadState('networkidle');
  await hydrated();
  expect(fetched).not.toContain('/search-index.json');

  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search reviews and papers' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await page.keyboard.type('에이전트');
  const hits = dialog.locator('[data-search-hit]');
  await expect.poll(() => hits.count()).toBeGreaterThan(0);
  expect(fetched).toContain('/search-index.json');
  expect(await dialog.locator('mark').first().textContent()).toBe('에이전트');
  // Whole reviews link to their top; walk down to the first hit inside a review.
  const urls = await hits.evaluateAll((els) => els.map((el) => el.getAttribute('data-search-hit')!));
  const at = urls.findIndex((url) => url.includes('#'));
  expect(at).toBeGreaterThanOrEqual(0);
  const target = urls[at]!;
  expect(target).toMatch(/^\/docs\/.+#.+/);
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${target}`);

  await hydrated();
  await page.keyboard.press('Control+k');
  await expect.poll(() => page.getByRole('dialog', { name: 'Search reviews and papers' }).isVisible()).toBe(true);
  await context.close();
});

test('"search my notes too" finds the reader’s own notes only', async () => {
  const paperId = index.papers[0]!.paperId;
  const owner = await new Reader(baseURL).signUp();
  await owner.json('POST', '/api/notes', { paperId, body: '김치찌개 레시피처럼 단순한 아이디어' });
  const stranger = await new Reader(baseURL).signUp();
  const mine = await owner.json<{ hits: { paper: string }[] }>('GET', `/api/search/notes?q=${encodeURIComponent('김치찌개')}`);
  expect(mine.data.hits.map((h) => h.paper)).toEqual([index.papers[0]!.name]);
  expect((await stranger.json<{ hits: unknown[] }>('GET', `/api/search/notes?q=${encodeURIComponent('김치찌개')}`)).data.hits).toEqual([]);
  expect((await new Reader(baseURL).json('GET', '/api/search/notes?q=x')).status).toBe(401);
});
