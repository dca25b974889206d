import { expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { appearanceHref, orgHref, paperHref } from '@/lib/content/urls';
import { setupBrowser, waitForHydration } from '@/tests/e2e/browser';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const browser = setupBrowser();

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

test.each(index.papers.map((paper) => [paper.paperId, paper] as const))(
  '%s has a page with its name, its reviews linked at the heading with their first paragraph',
  async (_, paper) => {
    const response = await fetch(`${baseURL}${paperHref(paper.paperId)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`<h1[^>]*>${escapeHtml(paper.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`));
    for (const appearance of paper.appearances) {
      expect(html).toContain(`href="${escapeHtml(appearanceHref(appearance))}"`);
      if (appearance.excerpt) expect(html).toContain(escapeHtml(appearance.excerpt.slice(0, 40)));
    }
    for (const org of paper.orgs) expect(html).toContain(`href="${escapeHtml(orgHref(org))}"`);
    if (paper.arxivId) {
      for (const link of [
        `https://arxiv.org/abs/${paper.arxivId}`,
        `https://arxiv.org/pdf/${paper.arxivId}`,
        `https://huggingface.co/papers/${paper.arxivId}`,
      ])
        expect(html).toContain(`href="${link}"`);
    }
    if (paper.projectUrl) expect(html).toContain(`href="${escapeHtml(paper.projectUrl)}"`);
    if (paper.codeUrl) expect(html).toContain(`href="${escapeHtml(paper.codeUrl)}"`);
    // The reader's island is there, as under a review heading.
    expect(html).toContain(`data-paper-row="${escapeHtml(paper.paperId)}"`);
  },
);

test('an unknown paper id is a 404', async () => {
  for (const id of ['9999.99999', 'papers-y2025-nov-20251121--no-such-anchor']) {
    expect((await fetch(`${baseURL}/papers/${id}`)).status).toBe(404);
  }
});

test('papers link to their page from /papers, an org page, a review row and the search dialog; the header links the library', async () => {
  const context = await browser().newContext({ baseURL });
  const page = await context.newPage();
  const paper = index.papers.find((p) => p.orgs.length)!;
  const item = (root: string) => page.locator(`${root} [data-paper-id="${paper.paperId}"] > a`).first();

  await page.goto('/papers');
  expect(await item('').getAttribute('href')).toBe(paperHref(paper.paperId));
  await page.goto(orgHref(paper.orgs[0]!));
  expect(await item('').getAttribute('href')).toBe(paperHref(paper.paperId));

  const appearance = paper.appearances[0]!;
  await page.goto(appearance.reviewUrl);
  const row = page.locator(`[data-paper-row="${paper.paperId}"]`);
  await row.locator('[data-paper-page-link]').click();
  await page.waitForURL(`**${paperHref(paper.paperId)}`);
  expect(await page.locator('h1').innerText()).toBe(paper.name);
  expect(
    await page
      .getByRole('link', { name: `Read the review of ${paper.name}` })
      .first()
      .getAttribute('href'),
  ).toBe(appearanceHref(appearance));

  expect(await page.locator('header').getByRole('link', { name: 'Library' }).first().getAttribute('href')).toBe('/library');

  const arxivPaper = index.papers.find((p) => p.arxivId)!;
  await waitForHydration(page);
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search reviews and papers' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await page.keyboard.type(arxivPaper.name);
  const link = dialog.locator(`[data-search-paper-page="${paperHref(arxivPaper.paperId)}"]`);
  await expect.poll(() => link.count()).toBeGreaterThan(0);
  await link.first().click();
  await page.waitForURL(`**${paperHref(arxivPaper.paperId)}`);
  await context.close();
});

test('signed out, /library and /bookmarks lead to sign-in, with the way back (filters included), and show no list', async () => {
  const context = await browser().newContext({ baseURL });
  const page = await context.newPage();
  for (const [path, callback] of [
    ['/library', '%2Flibrary'],
    ['/bookmarks', '%2Fbookmarks'],
    ['/library?status=READ', '%2Flibrary%3Fstatus%3DREAD'],
  ] as const) {
    await page.goto(path);
    await page.waitForURL((url) => url.pathname === '/signin');
    expect(new URL(page.url()).search, path).toBe(`?callbackUrl=${callback}`);
  }
  // The prerendered shell itself holds nothing of any reader's, only the placeholder the island replaces.
  const html = await (await fetch(`${baseURL}/bookmarks`)).text();
  expect(html).toContain('data-library-loading');
  expect(html).not.toContain('data-library-item');
  await context.close();
});
