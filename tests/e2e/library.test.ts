import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { buildIndex } from '@/lib/content/index/content-index';
import { orgHref, paperHref } from '@/lib/content/urls';
import { setupBrowser, waitForHydration } from '@/tests/e2e/browser';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const review = index.reviews.find((r) => r.papers.length >= 3)!;
const [first, second, third] = review.papers as [(typeof review.papers)[0], (typeof review.papers)[0], (typeof review.papers)[0]];
const password = 'a long enough password';

const browser = setupBrowser();

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ baseURL, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

async function signUpAt(page: Page, returnTo: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByRole('tab', { name: 'Create account' }).click();
  await page.getByLabel('Email').fill(`library-${randomBytes(5).toString('hex')}@example.com`);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await page.waitForURL(`**${returnTo}`);
}

async function download(page: Page, link: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync(await file.path(), 'utf8');
}

const libraryItems = (page: Page) =>
  page.locator('[data-library-item]').evaluateAll((els) => els.map((el) => el.getAttribute('data-library-item')));

const NOTE = [
  'Key points:',
  '',
  '- first **point**',
  '- second point',
  '',
  'The loss is $\\mathcal{L} = \\sum_i x_i^2$ here.',
  '',
  '$$',
  '\\frac{a}{b} = c',
  '$$',
  '',
  '```ts',
  'const answer = 42;',
  '```',
].join('\n');

/** What a note looks like: the parts KaTeX and Shiki made, and the computed typography of its list, text and code. */
async function noteLook(note: Locator) {
  await expect.poll(() => note.locator('.katex').count()).toBe(2);
  return note.evaluate((root) => {
    const style = (selector: string, props: string[]) => {
      const el = root.querySelector(selector);
      if (!el) return null;
      const computed = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, computed.getPropertyValue(p)]));
    };
    return {
      katex: root.querySelectorAll('.katex').length,
      display: root.querySelectorAll('.katex-display').length,
      mathml: root.querySelectorAll('.katex math').length,
      rawTex: root.textContent?.includes('$$') ?? true,
      shiki: root.querySelector('pre.shiki code')?.textContent,
      ul: style('ul', ['list-style-type', 'padding-left', 'margin-top', 'margin-bottom']),
      li: style('li', ['display', 'font-size', 'line-height', 'margin-top']),
      p: style('p', ['font-size', 'line-height', 'margin-top', 'margin-bottom']),
      pre: style('pre', ['font-size', 'padding-top', 'border-radius', 'overflow-x']),
      strong: style('strong', ['font-weight']),
    };
  });
}

test('a note with a list, code and math renders alike on the review page, /notes and the paper page, with KaTeX output', async () => {
  const { context, page } = await newPage();
  await signUpAt(page, review.url);
  const notes = page.locator(`[data-notes-for="${first.paperId}"]`);
  await notes.getByRole('button', { name: 'Add a note' }).click();
  await notes.getByRole('textbox').fill(NOTE);
  await notes.getByRole('button', { name: 'Add note' }).click();
  const onReview = await noteLook(notes.locator('article.note .note-body'));

  expect(onReview).toMatchObject({ katex: 2, display: 1, mathml: 2, rawTex: false, shiki: 'const answer = 42;' });
  // The panel sits outside the row's not-prose block: the list has its bullets and indentation.
  expect(onReview.ul!['list-style-type']).toBe('disc');
  expect(parseFloat(onReview.ul!['padding-left'] ?? '0')).toBeGreaterThan(10);
  expect(Number(onReview.strong!['font-weight'])).toBeGreaterThanOrEqual(600);

  await page.goto('/notes');
  const onNotes = await noteLook(page.locator(`[data-notes-group="${first.paperId}"] .note-body`).first());
  expect(onNotes).toEqual(onReview);

  // After a reload the review page shows the same (the HTML comes from the server, not from the editor).
  await page.goto(review.url);
  expect(await noteLook(notes.locator('article.note .note-body'))).toEqual(onReview);

  // The paper's own page: the same island, the same note, the same look.
  await page.goto(paperHref(first.paperId));
  expect(await noteLook(page.locator(`[data-notes-for="${first.paperId}"] article.note .note-body`))).toEqual(onReview);
  await context.close();
});

test('a status-only paper is in the library, under its status filter and in the Markdown export of that view', async () => {
  const { context, page } = await newPage();
  await signUpAt(page, review.url);
  await waitForHydration(page);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/status') && r.ok()),
    page.locator(`.paper-row select[id="status-${third.paperId}"]`).selectOption('READ'),
  ]);
  await page.locator(`.paper-row button[data-bookmark="${second.paperId}"]`).click();
  await expect.poll(() => page.locator(`.paper-row button[data-bookmark="${second.paperId}"]`).getAttribute('aria-pressed')).toBe('true');

  await page.goto('/library');
  await expect.poll(() => libraryItems(page)).toEqual([second.paperId, third.paperId]);
  // Each row's org badges link to that org's papers, as on the review page.
  const withOrgs = [second, third].filter((paper) => paper.orgs.length);
  expect(withOrgs.length).toBeGreaterThan(0);
  for (const paper of withOrgs) {
    const badges = page.locator(`[data-library-item="${paper.paperId}"] a.org-badge`);
    expect(await badges.evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual(
      paper.orgs.map((org) => [org, orgHref(org)]),
    );
  }
  await page.getByRole('link', { name: 'Read', exact: true }).click();
  await page.waitForURL('**/library?status=READ');
  await expect.poll(() => libraryItems(page)).toEqual([third.paperId]);
  const md = await download(page, page.locator('a[data-export="md"]'));
  expect(md).toMatch(/^# Papers Review: my library: status Read\n/);
  expect(md).toContain(`## ${third.name}`);
  expect(md).toContain('- Status: Read');
  expect(md).not.toContain(`## ${second.name}`);

  // Bookmarked only: the status-only paper is not there, on /library nor on /bookmarks.
  await page.goto('/library?bookmarked=1');
  await expect.poll(() => libraryItems(page)).toEqual([second.paperId]);
  await page.goto('/bookmarks');
  await expect.poll(() => libraryItems(page)).toEqual([second.paperId]);
  // A filter value the library does not know is named, not ignored.
  await page.goto('/library?status=DONE');
  const invalid = page.getByRole('alert').filter({ hasText: 'filters the library does not understand' });
  await expect.poll(() => invalid.isVisible()).toBe(true);
  expect(await invalid.textContent()).toContain('status:');
  expect(await page.locator('[data-library-item]').count()).toBe(0);
  // Blank filters (the form as a browser without JavaScript submits it) are tidied out of the address, and the list shows.
  await page.goto('/library?status=READ&notes=&org=&sort=added');
  await page.waitForURL((url) => url.pathname === '/library' && url.search === '?status=READ');
  await expect.poll(() => libraryItems(page)).toEqual([third.paperId]);
  await context.close();
});

test('a collection is made, renamed, filled from a review page, filtered on, and survives a JSON export and import', async () => {
  const { context, page } = await newPage();
  await signUpAt(page, '/library');
  const name = `Reading group ${randomBytes(3).toString('hex')}`;
  await page.getByLabel('Collection name').fill('Draft name');
  await page.getByRole('button', { name: 'Make collection' }).click();
  const manager = page.locator('section[aria-labelledby="collections-heading"]');
  await expect.poll(() => manager.getByRole('link', { name: 'Draft name' }).count()).toBe(1);
  await page.getByRole('button', { name: 'Rename Draft name' }).click();
  await page.getByLabel('New name for Draft name').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect.poll(() => manager.getByRole('link', { name }).count()).toBe(1);
  expect(await manager.getByRole('link', { name: 'Draft name' }).count()).toBe(0);

  // Filled from the review page's paper row.
  await page.goto(review.url);
  await waitForHydration(page);
  await page.locator(`.paper-row button[data-collections-for="${second.paperId}"]`).click();
  const panel = page.locator(`[data-collections-panel="${second.paperId}"]`);
  const box = panel.getByRole('checkbox', { name });
  // The box ticks at once; the test waits for the server to have stored it before reloading.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/collections/') && r.ok()),
    box.check(),
  ]);
  await expect
    .poll(() => page.locator(`.paper-row button[data-collections-for="${second.paperId}"]`).textContent())
    .toBe('Collections (1)');
  // Reopened after a reload, the box is still ticked (it was stored).
  await page.reload();
  await waitForHydration(page);
  await page.locator(`.paper-row button[data-collections-for="${second.paperId}"]`).click();
  await expect.poll(() => panel.getByRole('checkbox', { name }).isChecked()).toBe(true);
  // Also a status elsewhere, so the library holds more than the collection.
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/status') && r.ok()),
    page.locator(`.paper-row select[id="status-${first.paperId}"]`).selectOption('TO_READ'),
  ]);

  await page.goto('/library');
  await expect.poll(() => libraryItems(page)).toEqual(expect.arrayContaining([first.paperId, second.paperId]));
  await page.getByLabel('Collection', { exact: true }).selectOption({ label: name });
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL('**/library?collection=*');
  await expect.poll(() => libraryItems(page)).toEqual([second.paperId]);
  expect(await page.locator(`[data-library-item="${second.paperId}"] [data-item-collections]`).textContent()).toBe(name);

  const json = await download(page, page.locator('a[data-export="json"]'));
  expect(JSON.parse(json)).toMatchObject({
    version: 3,
    collections: [{ name, papers: [{ paperId: second.paperId }] }],
  });
  await context.close();

  // Another account imports the file: the collection, its paper and the filter all come back.
  const other = await newPage();
  await signUpAt(other.page, '/library');
  await other.page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await other.page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => other.page.getByRole('status').filter({ hasText: 'Imported' }).textContent()).toContain('1 collection');
  const otherManager = other.page.locator('section[aria-labelledby="collections-heading"]');
  await expect.poll(() => otherManager.getByRole('link', { name }).count()).toBe(1);
  await otherManager.getByRole('link', { name }).click();
  await other.page.waitForURL('**/library?collection=*');
  await expect.poll(() => libraryItems(other.page)).toEqual([second.paperId]);
  await other.context.close();
});

test('without JavaScript the library pages say why no list appears; with it, that line stays hidden', async () => {
  const noscript = 'Your library is loaded by JavaScript, which is turned off in this browser.';
  // What the reader sees, read as rendered text: Playwright's text locators never look inside <noscript>.
  const shownText = (page: Page) => page.evaluate(() => document.body.innerText);
  const off = await browser().newContext({ baseURL, javaScriptEnabled: false });
  const page = await off.newPage();
  for (const path of ['/library', '/bookmarks']) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    expect(await page.getByRole('status').textContent(), path).toBe('Loading your library…');
    expect(await shownText(page), path).toContain(noscript);
    expect(await page.locator('[data-library-noscript]').isVisible(), path).toBe(true);
  }
  await off.close();

  const { context, page: withScript } = await newPage();
  await signUpAt(withScript, '/library');
  await expect.poll(() => withScript.getByText('Your library is empty.').count()).toBe(1);
  expect(await shownText(withScript)).not.toContain(noscript);
  await context.close();
});
