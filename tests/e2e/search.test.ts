import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { buildSearchDocuments } from '@/lib/search/documents';
import { cropText } from '@/lib/search/engine';
import { terms } from '@/lib/search/tokenize';
import { setupBrowser, waitForHydration } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const browser = setupBrowser();

/** Opens the search dialog the way a reader does, with `/`, and waits until it shows. */
async function openSearchWithSlash(page: Page) {
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search reviews and papers' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

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
  expect(fetched.filter((path) => path.startsWith('/search-index/'))).toEqual([]);

  const dialog = await openSearchWithSlash(page);
  await page.keyboard.type('에이전트');
  const hits = dialog.locator('[data-search-hit]');
  await expect.poll(() => hits.count()).toBeGreaterThan(0);
  expect(fetched).toContain('/search-index.json');
  // The query fetched postings and row shards of this build's index (prerendered: tests/e2e/build-output.test.ts).
  const shards = fetched.filter((path) => path.startsWith('/search-index/'));
  expect(shards.some((path) => /^\/search-index\/v3-[0-9a-z]+\/p\d+\.json$/.test(path))).toBe(true);
  expect(shards.some((path) => /^\/search-index\/v3-[0-9a-z]+\/r\d+\.json$/.test(path))).toBe(true);
  const shard = await page.request.get(shards[0]!);
  expect(shard.status()).toBe(200);
  expect(shard.headers()['content-type']).toContain('application/json');
  // A shard of no build is a 404, not a function computing one.
  expect((await page.request.get('/search-index/v3-nope/p0.json')).status()).toBe(404);
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

test('the search dialog: Esc closes it even with a query (Clear clears), a click outside closes it, excerpts show their match, long titles wrap', async () => {
  const context = await browser().newContext({ baseURL, viewport: { width: 320, height: 700 } });
  const page = await context.newPage();
  await page.goto('/');
  await waitForHydration(page);
  const dialog = page.getByRole('dialog', { name: 'Search reviews and papers' });
  const openDialog = async () => {
    await page.getByRole('button', { name: 'Search' }).first().click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
  };

  await openDialog();
  const box = dialog.getByRole('searchbox');
  await box.fill('강화 학습');
  const hits = dialog.locator('[data-search-hit]');
  await expect.poll(() => hits.count()).toBeGreaterThan(0);
  // Every excerpt's first <mark> is inside the two lines the excerpt shows.
  const marksOutside = await hits.evaluateAll((links) =>
    links.flatMap((link) => {
      const excerpt = link.querySelector('span.line-clamp-2');
      const mark = excerpt?.querySelector('mark');
      if (!excerpt || !mark) return [];
      const outer = excerpt.getBoundingClientRect();
      const inner = mark.getBoundingClientRect();
      return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1 ? [] : [link.getAttribute('data-search-hit')];
    }),
  );
  expect(marksOutside).toEqual([]);
  expect(await dialog.locator('span.line-clamp-2 mark').count()).toBeGreaterThan(0);
  // An excerpt shows at most two lines.
  const tall = await hits.evaluateAll((links) =>
    links.flatMap((link) => {
      const excerpt = link.querySelector('span.line-clamp-2');
      if (!excerpt) return [];
      const lineHeight = parseFloat(getComputedStyle(excerpt).lineHeight);
      return excerpt.getBoundingClientRect().height > 2 * lineHeight + 1 ? [link.getAttribute('data-search-hit')] : [];
    }),
  );
  expect(tall).toEqual([]);
  // Nothing in the results is cut at the dialog's edge.
  expect(
    await dialog.evaluate((el) => [...el.querySelectorAll('[data-search-hit]')].filter((a) => a.scrollWidth > a.clientWidth + 1).length),
  ).toBe(0);

  await dialog.getByRole('button', { name: 'Clear' }).click();
  expect(await box.inputValue()).toBe('');
  expect(await dialog.isVisible()).toBe(true);

  await box.fill('에이전트');
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.isVisible()).toBe(false);

  await openDialog();
  // Outside the dialog's box: its backdrop.
  await page.mouse.click(5, 690);
  await expect.poll(() => dialog.isVisible()).toBe(false);

  await openDialog();
  await dialog.getByRole('button', { name: 'Close search' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
  await context.close();
});

test('a long review title wraps inside the dialog on a phone', async () => {
  const longest = [...index.reviews].sort((a, b) => b.title.length - a.title.length)[0]!;
  const context = await browser().newContext({ baseURL, viewport: { width: 320, height: 700 } });
  const page = await context.newPage();
  await page.goto('/');
  await waitForHydration(page);
  const dialog = await openSearchWithSlash(page);
  await page.keyboard.type(longest.title);
  const hit = dialog.locator(`[data-search-hit="${longest.url}"]`);
  await expect.poll(() => hit.count()).toBe(1);
  expect((await hit.boundingBox())!.height).toBeGreaterThan(60);
  const fits = await dialog.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('[data-search-hit] *')].every((child) => child.getBoundingClientRect().right <= box.right + 0.5);
  });
  expect(fits).toBe(true);
  await context.close();
});

test('a word only past the stored lead of a section finds it; the result shows the lead, unmarked', async () => {
  // The browser index stores each section's lead (lib/search/engine.ts STORED_TEXT_WIDTH) and indexes all of it.
  const pick = buildSearchDocuments(index).flatMap((doc) => {
    const lead = cropText(doc.text);
    if (lead === doc.text) return [];
    const shown = new Set(terms([lead, doc.title, doc.subtitle, doc.orgs, doc.review].join('\n')));
    return doc.text
      .slice(lead.length - 1)
      .split(/\s+/)
      .filter((word) => /^[가-힣]{3,}$/.test(word) && terms(word, 'query').every((term) => !shown.has(term)))
      .map((word) => ({ url: doc.id, word, lead }));
  })[0];
  expect(pick).toBeDefined();
  const { url, word, lead } = pick!;
  const context = await browser().newContext({ baseURL, viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto('/');
  await waitForHydration(page);
  const dialog = await openSearchWithSlash(page);
  await page.keyboard.type(word);
  const hit = dialog.locator(`[data-search-hit="${url}"]`);
  await expect.poll(() => hit.count()).toBe(1);
  const excerpt = hit.locator('span.line-clamp-2');
  expect(await excerpt.locator('mark').count()).toBe(0);
  expect((await excerpt.textContent())!.startsWith(lead.slice(0, 20))).toBe(true);
  await context.close();
});

// The site is redeployed (or, under next dev, a review saved) while the box is
// open: the old build's shards are gone. The next query loads the new head
// and answers, instead of failing until the page is reloaded.
test('a search index replaced while the box is open is picked up by the next query', async () => {
  const context = await browser().newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await waitForHydration(page);
  const dialog = await openSearchWithSlash(page);
  const input = dialog.getByRole('searchbox');
  await input.fill('agent');
  const hits = dialog.locator('[data-search-hit]');
  await expect.poll(() => hits.count()).toBeGreaterThan(0);

  // Until the head is fetched again, every shard answers 404, as an old build's would.
  let replaced = true;
  const heads: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/search-index.json') {
      heads.push(request.url());
      replaced = false;
    }
  });
  await page.route('**/search-index/**', (route) => (replaced ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue()));
  await input.fill('에이전트');
  await expect.poll(() => dialog.locator('mark').first().textContent()).toBe('에이전트');
  expect(heads.length).toBe(1);
  expect(await dialog.getByText('Could not load the search index').count()).toBe(0);
  await context.close();
});
