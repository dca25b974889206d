import { randomBytes, randomUUID } from 'node:crypto';
import { expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildIndex } from '@/lib/content/index/content-index';
import { NOTES_PAGE_SIZE } from '@/lib/reader/shared';
import { setupBrowser, waitForHydration } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';

// Unsaved note drafts on a shared browser, the editor's idempotent retry, and a paper's notes a page at a time.
const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const review = index.reviews.find((r) => r.papers.length >= 2)!;
const paper = review.papers[0]!;
const browser = setupBrowser();
// Two sign-ups, a sign-out and several page loads each: a minute is not always enough on a busy 2-core machine.
const SLOW = { timeout: 180_000 };

/** A signed-in reader in a fresh browser context (or the given one), on the review page, hydrated. */
async function signedIn(context?: BrowserContext): Promise<{ context: BrowserContext; page: Page; reader: Reader }> {
  const reader = await new Reader(baseURL).signUp();
  context ??= await browser().newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await context.addCookies(
    reader.cookieHeader.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseURL };
    }),
  );
  const page = await context.newPage();
  await page.goto(review.url);
  await waitForHydration(page);
  await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).first().isVisible()).toBe(true);
  return { context, page, reader };
}

const notesOf = (page: Page) => page.locator(`[data-notes-for="${paper.paperId}"]`);
const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('note-draft:')));

async function typeDraft(page: Page, text: string) {
  await notesOf(page)
    .getByRole('button', { name: /Add a note|My notes/ })
    .click();
  await notesOf(page).getByRole('textbox').fill(text);
  await expect.poll(() => draftKeys(page)).toHaveLength(1);
}

test('sign-out clears unsaved drafts; the next reader on the browser never sees them', SLOW, async () => {
  const { context, page } = await signedIn();
  const secret = `half-written thought ${randomBytes(4).toString('hex')}`;
  await typeDraft(page, secret);
  // Kept across a reload for the same reader, as promised.
  await page.reload();
  await notesOf(page).getByRole('button', { name: 'Add a note' }).click();
  // The editor restores the draft in an effect just after it mounts: poll, not a single read.
  await expect.poll(() => notesOf(page).getByRole('textbox').inputValue()).toBe(secret);

  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.waitForURL(`${baseURL}/`);
  expect(await draftKeys(page)).toEqual([]);

  const next = await signedIn(context);
  await notesOf(next.page).getByRole('button', { name: 'Add a note' }).click();
  expect(await notesOf(next.page).getByRole('textbox').inputValue()).toBe('');
  expect(await next.page.content()).not.toContain(secret);
  await context.close();
});

test('a draft left by a reader whose session simply ended is removed when someone else signs in', SLOW, async () => {
  const { context, page } = await signedIn();
  await typeDraft(page, 'left behind');
  // The first reader's session ends without "Sign out" (cookie expired, another tab).
  await context.clearCookies();
  const next = await signedIn(context);
  await expect.poll(() => draftKeys(next.page)).toEqual([]);
  await notesOf(next.page).getByRole('button', { name: 'Add a note' }).click();
  expect(await notesOf(next.page).getByRole('textbox').inputValue()).toBe('');
  await context.close();
});

test('deleting the account clears its drafts', SLOW, async () => {
  const { context, page } = await signedIn();
  await typeDraft(page, 'about to leave');
  await page.goto('/account');
  // /account has several forms now (email, password, deletion): name the deletion's box.
  await page.getByRole('textbox', { name: /Type DELETE/ }).fill('DELETE');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await page.waitForURL(`${baseURL}/`);
  expect(await draftKeys(page)).toEqual([]);
  await context.close();
});

test('a save whose response was lost is retried with the same key and stored once', SLOW, async () => {
  const { context, page, reader } = await signedIn();
  const keys: string[] = [];
  let cut = true;
  // The first request reaches the server and is stored, but its response never arrives.
  await page.route('**/api/notes', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push((await route.request().headerValue('idempotency-key')) ?? '');
    if (!cut) return route.continue();
    cut = false;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await notesOf(page).getByRole('button', { name: 'Add a note' }).click();
  await notesOf(page).getByRole('textbox').fill('saved exactly once');
  await notesOf(page).getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => notesOf(page).getByRole('alert').textContent()).toContain('Not saved');

  await notesOf(page).getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => notesOf(page).locator('article.note').count()).toBe(1);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(keys[1]).toBe(keys[0]);
  const stored = await reader.json<{ notes: { body: string }[] }>('GET', `/api/notes?paperId=${encodeURIComponent(paper.paperId)}`);
  expect(stored.data.notes.map((n) => n.body)).toEqual(['saved exactly once']);

  // A new note is a new key.
  await notesOf(page).getByRole('textbox').fill('a second note');
  await notesOf(page).getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => notesOf(page).locator('article.note').count()).toBe(2);
  expect(keys[2]).not.toBe(keys[0]);
  await context.close();
});

test('a paper with more notes than a page shows the newest and loads the earlier ones on request', SLOW, async () => {
  const { context, page, reader } = await signedIn();
  const total = NOTES_PAGE_SIZE + 7;
  const tag = randomUUID().slice(0, 8);
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  const file = {
    format: 'papers-review-export',
    version: 1,
    exportedAt: at(0),
    bookmarks: [],
    statuses: [],
    notes: Array.from({ length: total }, (_, i) => ({
      paperId: paper.paperId,
      body: `${tag} note ${i}`,
      createdAt: at(i),
      updatedAt: at(i),
    })),
  };
  expect((await reader.request('POST', '/api/import', { json: file })).status).toBe(200);
  await page.reload();
  const notes = notesOf(page);
  await expect.poll(() => notes.locator('article.note').count()).toBe(NOTES_PAGE_SIZE);
  expect(await notes.locator('article.note').last().textContent()).toContain(`${tag} note ${total - 1}`);
  await notes.getByRole('button', { name: 'Show earlier notes (7 more)' }).click();
  await expect.poll(() => notes.locator('article.note').count()).toBe(total);
  expect(await notes.locator('article.note').first().textContent()).toContain(`${tag} note 0`);
  expect(await notes.getByRole('button', { name: /Show earlier notes/ }).count()).toBe(0);
  await context.close();
});
