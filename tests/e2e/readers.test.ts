import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildIndex } from '@/lib/content/index/content-index';
import { paperHref } from '@/lib/content/urls';
import { setupBrowser } from '@/tests/e2e/browser';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const review = index.reviews.find((r) => r.papers.length >= 3)!;
const [first, second, third] = review.papers as [(typeof review.papers)[0], (typeof review.papers)[0], (typeof review.papers)[0]];
const password = 'a long enough password';
const alice = `alice-${randomBytes(4).toString('hex')}@example.com`;
const note = `Worth re-reading: ${randomBytes(4).toString('hex')}`;

const browser = setupBrowser();

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ baseURL, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

async function signUpAt(page: Page, email: string, returnTo: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByRole('tab', { name: 'Create account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await page.waitForURL(`**${returnTo}`);
}

const bookmark = (page: Page, paperId: string) => page.locator(`.paper-row button[data-bookmark="${paperId}"]`);

test('sign up, bookmark two papers, write a note, find them again; another reader sees none of it', async () => {
  const { context, page } = await newPage();
  await signUpAt(page, alice, review.url);

  for (const paper of [first, second]) {
    await bookmark(page, paper.paperId).click();
    await expect.poll(() => bookmark(page, paper.paperId).getAttribute('aria-pressed')).toBe('true');
  }
  await page.getByLabel('Reading status').first().selectOption('READING');
  const notes = page.locator(`[data-notes-for="${first.paperId}"]`);
  await notes.getByRole('button', { name: 'Add a note' }).click();
  await notes.getByRole('textbox').fill(`**${note}**`);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => notes.locator('article.note strong').textContent()).toBe(note);

  await page.reload();
  await expect.poll(() => bookmark(page, first.paperId).getAttribute('aria-pressed')).toBe('true');
  expect(await bookmark(page, second.paperId).getAttribute('aria-pressed')).toBe('true');
  expect(await bookmark(page, third.paperId).getAttribute('aria-pressed')).toBe('false');
  await expect.poll(() => notes.locator('article.note').textContent()).toContain(note);

  await page.goto('/bookmarks');
  const saved = () => page.locator('[data-bookmark-item]').evaluateAll((els) => els.map((el) => el.getAttribute('data-bookmark-item')));
  await expect.poll(async () => (await saved()).sort()).toEqual([first.paperId, second.paperId].sort());
  // The name opens the paper's page; the review it came from links to the exact heading.
  const row = page.locator(`[data-bookmark-item="${first.paperId}"]`);
  expect(await row.getByRole('link', { name: first.name, exact: true }).getAttribute('href')).toBe(paperHref(first.paperId));
  expect(await row.getByRole('link', { name: review.title, exact: true }).getAttribute('href')).toBe(`${review.url}#${first.anchor}`);
  await page.getByRole('link', { name: 'Reading', exact: true }).click();
  await page.waitForURL('**/bookmarks?status=READING');
  await expect.poll(saved).toEqual([first.paperId]);
  await page.getByRole('link', { name: 'Read', exact: true }).click();
  await page.waitForURL('**/bookmarks?status=READ');
  await expect.poll(() => page.getByText('No bookmarked papers with this status.').isVisible()).toBe(true);
  await page.goto('/notes');
  expect(await page.locator(`[data-notes-group="${first.paperId}"]`).textContent()).toContain(note);

  await page.goto('/bookmarks');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Markdown' }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/^papers-review-bookmarks-\d{4}-\d{2}-\d{2}\.md$/);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported).toContain(`## ${first.name}`);
  expect(exported).toContain(`${review.url}#${first.anchor})`);
  expect(exported).toContain('- Status: Reading');
  expect(exported).toContain(`**${note}**`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${baseURL}/`);
  await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);

  await signUpAt(page, `bob-${randomBytes(4).toString('hex')}@example.com`, review.url);
  await expect.poll(() => bookmark(page, first.paperId).isEnabled()).toBe(true);
  expect(await bookmark(page, first.paperId).getAttribute('aria-pressed')).toBe('false');
  expect(await page.locator('article.note').count()).toBe(0);
  expect(await page.content()).not.toContain(note);
  await page.goto('/bookmarks');
  await expect.poll(() => page.getByText('No bookmarks yet.').isVisible()).toBe(true);
  await page.goto('/notes');
  expect(await page.getByText('No notes yet.').isVisible()).toBe(true);
  await context.close();
});

test('a signed-out click on Bookmark signs in and comes back to the same anchor with the bookmark made', async () => {
  const { context, page } = await newPage();
  await page.goto(review.url);
  await expect.poll(() => bookmark(page, third.paperId).isEnabled()).toBe(true);
  await bookmark(page, third.paperId).click();
  await page.waitForURL('**/signin?callbackUrl=**');
  await page.getByLabel('Email').fill(alice);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await page.waitForURL(`**${review.url}#${third.anchor}`);
  await expect.poll(() => bookmark(page, third.paperId).getAttribute('aria-pressed')).toBe('true');
  await page.reload();
  await expect.poll(() => bookmark(page, third.paperId).getAttribute('aria-pressed')).toBe('true');
  await context.close();
});

test('a failed save keeps the draft and says so', async () => {
  const { context, page } = await newPage();
  await signUpAt(page, `carol-${randomBytes(4).toString('hex')}@example.com`, review.url);
  const notes = page.locator(`[data-notes-for="${first.paperId}"]`);
  await notes.getByRole('button', { name: 'Add a note' }).click();
  await page.route('**/api/notes', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"Service unavailable."}' }),
  );
  await notes.getByRole('textbox').fill('my unsaved thought');
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => notes.getByRole('alert').textContent()).toContain('Not saved: Service unavailable.');
  expect(await notes.getByRole('textbox').inputValue()).toBe('my unsaved thought');
  await page.unroute('**/api/notes');
  await page.reload();
  await notes.getByRole('button', { name: 'Add a note' }).click();
  // Restored in an effect just after the editor mounts: poll, not a single read.
  await expect.poll(() => notes.getByRole('textbox').inputValue()).toBe('my unsaved thought');
  await context.close();
});
