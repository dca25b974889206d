import { gzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { buildIndex } from '@/lib/content/index/content-index';
import { setupBrowser } from '@/tests/e2e/browser';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const crossLink = '/docs/papers/y2025/oct/20251027#2-search-self-play';
const linking = index.reviews.find((review) => review.links.some((link) => link.url === crossLink));

const browser = setupBrowser();
let page: Page;

async function open(path: string, viewport = { width: 1280, height: 900 }) {
  page = await browser().newPage({ viewport });
  const response = await page.goto(`${baseURL}${path}`);
  return response;
}

describe('reading a review', () => {
  test('the sample content has a cross-link to follow', () => {
    expect(linking?.url).toBeDefined();
  });

  test('follow a cross-link to its anchor and see the image, the admonition and the math', async () => {
    await open(linking!.url);
    await page.locator(`a[href="${crossLink}"]`).first().click();
    await page.waitForURL(`**${crossLink}`);

    const heading = page.locator('[id="2-search-self-play"]');
    await expect.poll(() => heading.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(200);
    await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    expect(await heading.textContent()).toContain('2. Search Self-Play');

    const target = index.bySlug.get('papers/y2025/oct/20251027')!;
    const image = page.locator('article img').first();
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(Number(await image.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await image.getAttribute('height'))).toBeGreaterThan(0);

    const admonition = page.locator('aside.admonition').first();
    expect(await admonition.isVisible()).toBe(true);
    expect((await admonition.locator('.admonition-title').textContent())?.trim()).not.toBe('');

    const math = page.locator('.katex').first();
    await math.scrollIntoViewIfNeeded();
    expect(await math.isVisible()).toBe(true);
    // KaTeX's own font loaded from our CSS, not a fallback: the glyph box is laid out.
    expect(await math.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(8);
    expect(target.papers.length).toBeGreaterThan(0);
  });

  test('table of contents, paper rows and previous/next', async () => {
    const review = index.reviews[1]!;
    const response = await open(review.url);
    expect(response?.status()).toBe(200);
    const toc = page.getByRole('complementary', { name: 'On this page' });
    expect(await toc.isVisible()).toBe(true);
    expect(await toc.locator('a').count()).toBe(review.headings.filter((h) => h.depth === 2 || h.depth === 3).length);
    expect(await page.locator('.paper-heading').count()).toBe(review.papers.length);
    expect(await page.locator('a[rel="prev"]').textContent()).toContain(index.reviews[2]!.title);
    expect(await page.locator('a[rel="next"]').textContent()).toContain(index.reviews[0]!.title);
    expect(await page.title()).toContain(review.title);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(review.title);
  });

  test('the review page adds less than 10 KB gzip of JavaScript over an empty page (its islands)', async () => {
    const scriptsOf = async (path: string) => {
      await open(path);
      return page.locator('script[src]:not([nomodule])').evaluateAll((els) => els.map((el) => el.getAttribute('src')!));
    };
    const review = await scriptsOf(index.reviews[0]!.url);
    const empty = await scriptsOf('/this-page-does-not-exist');
    const extra = review.filter((src) => !empty.includes(src));
    let bytes = 0;
    for (const src of extra) bytes += gzipSync(Buffer.from(await (await fetch(`${baseURL}${src}`)).arrayBuffer())).length;
    expect(bytes).toBeLessThan(10 * 1024);
  });
});

describe('lists', () => {
  test('home lists reviews newest first with their papers linking to the exact heading', async () => {
    await open('/');
    const titles = await page.locator('article h2').allTextContents();
    expect(titles).toEqual(index.reviews.slice(0, 10).map((r) => r.title));
    const first = index.reviews[0]!;
    const paperLink = page.locator(`a[href="${first.url}#${first.papers[0]!.anchor}"]`);
    expect(await paperLink.textContent()).toBe(first.papers[0]!.name);
  });

  test('/papers filters by org badge and by name', async () => {
    await open('/papers');
    const items = page.locator('li[data-paper-id]');
    expect(await items.count()).toBe(index.papers.length);
    const org = index.orgs[0]!;
    await page.getByRole('button', { name: `${org.org} (${org.count})` }).click();
    await expect.poll(() => items.count()).toBe(org.count);
    await page.getByRole('button', { name: /^All/ }).click();
    const someone = index.papers.find((p) => p.appearances.length > 1) ?? index.papers[0]!;
    await page.getByRole('searchbox').fill(someone.name.toLowerCase());
    await expect.poll(() => items.locator('a').first().textContent()).toBe(someone.name);
    expect(await items.first().locator('p a').count()).toBe(someone.appearances.length);
  });

  test('an unknown review is a friendly 404', async () => {
    const response = await open('/docs/papers/y2025/nov/19990101');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
  });

  test('content images are served with their type and a long cache', async () => {
    const asset = Object.values(index.reviews.find((r) => Object.keys(r.assets.imports).length)!.assets.imports)[0]!;
    const response = await fetch(`${baseURL}${asset.src}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });
});

describe('browse', () => {
  test('an org page lists its papers with the count, and badges link to it', async () => {
    const org = index.orgs.find((o) => o.count > 1) ?? index.orgs[0]!;
    const response = await open(`/orgs/${encodeURIComponent(org.org)}`);
    expect(response?.status()).toBe(200);
    const listed = await page.locator('li[data-paper-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-paper-id')));
    expect(listed.sort()).toEqual(
      index.papers
        .filter((p) => p.orgs.includes(org.org))
        .map((p) => p.paperId)
        .sort(),
    );
    expect(await page.getByText(`${org.count} ${org.count === 1 ? 'paper' : 'papers'}, newest first.`).isVisible()).toBe(true);
    await open('/papers');
    await page.getByRole('link', { name: `${org.org} (${org.count})` }).click();
    await page.waitForURL(`**/orgs/${encodeURIComponent(org.org)}`);
  });

  test('a tag page lists the papers of the reviews that carry the tag', async () => {
    const tag = index.tags[0]!;
    await open(`/tags/${tag.slug}`);
    const tagged = index.reviews.filter((r) => r.tags.includes(tag.tag));
    const listed = await page.locator('li[data-paper-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-paper-id')));
    expect(listed.sort()).toEqual([...new Set(tagged.flatMap((r) => r.papers.map((p) => p.paperId)))].sort());
  });

  test('a month folder URL lists that month’s reviews', async () => {
    const response = await open('/docs/papers/y2025/nov');
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('November 2025');
    expect(await page.locator('article h2').allTextContents()).toEqual(
      index.reviews.filter((r) => r.slug.startsWith('papers/y2025/nov/')).map((r) => r.title),
    );
  });

  test('a paper reviewed twice links to its other review', async () => {
    const twice = index.papers.find((p) => p.appearances.length > 1)!;
    const [here, other] = twice.appearances as [(typeof twice.appearances)[0], (typeof twice.appearances)[0]];
    await open(here.reviewUrl);
    const row = page.locator(`[data-paper-row="${twice.paperId}"] .also-in`);
    expect(await row.locator('a').getAttribute('href')).toBe(`${other.reviewUrl}#${other.anchor}`);
  });
});

describe('Docusaurus theme components', () => {
  test('Tabs: the default tab shows its panel; a click and the arrow keys switch, focus follows', async () => {
    const review = index.reviews.find((r) => Object.values(r.components).includes('Tabs'))!;
    await open(review.url);
    const grpo = page.getByRole('tab', { name: 'GRPO' });
    const gdpo = page.getByRole('tab', { name: 'GDPO' });
    expect(await gdpo.getAttribute('aria-selected')).toBe('true');
    // Hidden panels are out of the accessibility tree: one panel is shown.
    expect(await page.getByRole('tabpanel').count()).toBe(1);
    expect(await page.getByRole('tabpanel').textContent()).toContain('배치 단위로 한 번 더');
    // Clicks before hydration do nothing; repeat until the island answers.
    await expect
      .poll(async () => {
        await grpo.click();
        return grpo.getAttribute('aria-selected');
      })
      .toBe('true');
    expect(await page.getByRole('tabpanel').textContent()).toContain('먼저 더한 뒤');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => gdpo.getAttribute('aria-selected')).toBe('true');
    expect(await gdpo.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('tabpanel').textContent()).toContain('배치 단위로 한 번 더');
    // Every tab is in the Tab order; the arrows move on from the focused one.
    await page.keyboard.press('Shift+Tab');
    expect(await grpo.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => gdpo.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await gdpo.getAttribute('aria-selected')).toBe('true');
    expect(await grpo.getAttribute('aria-selected')).toBe('false');
  });
});

describe('figures and page facts', () => {
  test('a figure opens enlarged by click or keyboard, and Esc closes it', async () => {
    const review = index.reviews.find((r) => Object.keys(r.assets.imports).length)!;
    await open(review.url);
    const figure = page.locator('article .prose img').first();
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('role')).toBe('button');
    const dialog = page.getByRole('dialog', { name: 'Enlarged figure' });
    await figure.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('img').getAttribute('src')).toBe(new URL((await figure.getAttribute('src'))!, baseURL).href);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await figure.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => figure.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('each review says when it was last updated', async () => {
    const review = index.reviews[0]!;
    await open(review.url);
    expect(await page.getByText('Last updated').locator('time').getAttribute('datetime')).toBe(review.lastUpdated);
  });
});
