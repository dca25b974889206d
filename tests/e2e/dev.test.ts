import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { THEME_SCRIPT_HASH } from '@/lib/config/theme';
import { buildIndex } from '@/lib/content/index/content-index';
import { png } from '@/tests/support/content';
import { startDevServer, type LoggedApp } from '@/tests/support/server';
import { cspViolations, recordCspViolations, setupBrowser, waitForHydration } from '@/tests/e2e/browser';

const browser = setupBrowser();

// The dev server reads a copy of content/ (CONTENT_DIR) that the tests edit as an author would.
const content = mkdtempSync(path.join(tmpdir(), 'dev-content-'));
cpSync(path.resolve('content'), content, { recursive: true });
// An MDX review (in a .md file an unclosed tag is raw HTML, not an error).
const reviews = buildIndex(content, undefined, { drafts: true }).reviews;
const review = reviews.find((r) => r.format === 'mdx' && r.date === '2025-11-21')!;
// Another review for the reconnect test, so the two tests never edit the same file.
const other = reviews.find((r) => r.file !== review.file)!;

/** The first line of prose in a review: past the front matter, not an import or export. */
function firstProseLine(lines: string[]): number {
  const body = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
  const prose = lines.findIndex((line, i) => i > Math.max(body, 0) && /^[\p{L}*]/u.test(line) && !/^(import|export)\b/.test(line));
  expect(prose).toBeGreaterThan(0);
  return prose;
}

let app: LoggedApp;
beforeAll(async () => {
  app = await startDevServer({ CONTENT_DIR: content });
}, 240_000);
afterAll(async () => {
  await app?.stop();
  rmSync(content, { recursive: true, force: true });
});

// The README's quick start is `npm run dev`: under the development policy
// (eval for React's tooling; a nonce where the proxy runs, inline scripts
// allowed on the pages a build would prerender, which the proxy leaves alone)
// a review page must still hydrate with no CSP violation.
test('npm run dev serves a review that hydrates under the development CSP', { timeout: 240_000 }, async () => {
  const response = await fetch(`${app.baseURL}${review.url}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('x-request-id')).toBeNull();
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval';");
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  // Where the proxy runs, its nonce policy: the theme script in <head> cannot carry React's nonce, so it is allowed by its hash.
  const signin = await fetch(`${app.baseURL}/signin`);
  expect(signin.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(signin.headers.get('content-security-policy')).toContain(`script-src 'self' '${THEME_SCRIPT_HASH}' 'nonce-`);
  expect(signin.headers.get('content-security-policy')).toMatch(/script-src 'self' '[^']+' 'nonce-[^']+' 'unsafe-eval'/);

  const context = await browser().newContext({ baseURL: app.baseURL });
  await recordCspViolations(context);
  const page = await context.newPage();
  await page.goto(review.url);
  await expect.poll(() => page.locator('button[data-bookmark]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
  // next dev compiles the page's client chunks on this first visit: allow for it.
  await waitForHydration(page, { timeout: 120_000 });
  expect(await cspViolations(page)).toEqual([]);
  await context.close();
});

test('an author saves, adds an image and a review, breaks the file and fixes it: the open page follows', { timeout: 420_000 }, async () => {
  const context = await browser().newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  await page.goto(review.url);
  await waitForHydration(page, { timeout: 120_000 });
  // Everything below must arrive without a navigation: a full load would drop this marker.
  await page.evaluate(() => {
    (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    window.scrollTo(0, 400);
  });
  const sameDocument = () => page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage === true);
  const article = page.locator('article');
  const poll = { timeout: 90_000, interval: 250 };
  const original = readFileSync(review.file, 'utf8');
  const save = (text: string) => writeFileSync(review.file, text);

  // 1. Change a sentence: the first prose line of the review.
  const lines = original.split('\n');
  const prose = firstProseLine(lines);
  const edited = lines.map((line, i) => (i === prose ? '라이브 미리보기: 저장하면 바로 보입니다.' : line)).join('\n');
  save(edited);
  await expect.poll(() => article.textContent(), poll).toContain('라이브 미리보기: 저장하면 바로 보입니다.');
  expect(await sameDocument()).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);

  // 2. Add an image file and a figure that shows it.
  const assetDir = path.join(path.dirname(review.file), 'asset');
  mkdirSync(assetDir, { recursive: true });
  writeFileSync(path.join(assetDir, 'live-preview-fig.png'), png(64, 48));
  const withFigure = `${edited}\n\n![live preview figure](./asset/live-preview-fig.png)\n`;
  save(withFigure);
  const figure = page.locator('article img[alt="live preview figure"]');
  await expect.poll(() => figure.count(), poll).toBe(1);
  // Figures load lazily: bring it on screen, then it must have loaded the new file.
  await figure.scrollIntoViewIfNeeded();
  await expect.poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), poll).toBe(64);

  // 3. A new review dated the next day: the open page links to it as "Next", and its URL answers at once.
  const newSlug = 'papers/y2025/nov/20251122';
  const newFile = path.join(content, `${newSlug}.mdx`);
  mkdirSync(path.dirname(newFile), { recursive: true });
  writeFileSync(
    newFile,
    ['# 새 리뷰 2025-11-22', '', '방금 저장한 리뷰.', '', '## 1. [Fresh Paper](https://arxiv.org/abs/3001.00001) `live`'].join('\n'),
  );
  const firstAnswer = await fetch(`${app.baseURL}/docs/${newSlug}`);
  expect(firstAnswer.status).toBe(200);
  expect(await firstAnswer.text()).toContain('Fresh Paper');
  await expect.poll(() => page.locator(`a[href="/docs/${newSlug}"]`).count(), poll).toBeGreaterThan(0);
  expect(await sameDocument()).toBe(true);

  // 4. Break the file: an unclosed tag. The author sees where, not the reader's "try again".
  const broken = `${withFigure}\n<div>\n\n고치기 전`;
  const brokenLine = broken.split('\n').lastIndexOf('<div>') + 1;
  save(broken);
  const errors = page.locator('[data-author-errors]');
  await expect.poll(() => errors.count(), poll).toBe(1);
  const errorText = (await errors.textContent()) ?? '';
  expect(errorText).toContain(`${review.file}:${brokenLine}:1`);
  expect(errorText).toMatch(/Expected a closing tag for `<div>`/);
  const frame = (await errors.locator('pre').first().textContent()) ?? '';
  expect(frame).toMatch(new RegExp(`> ${brokenLine} \\| <div>`));
  expect(frame).toMatch(/\n\s+\d*\s*\| \^/);
  expect(await page.getByText('Something went wrong').count()).toBe(0);
  expect(await sameDocument()).toBe(true);

  // 5. Fix it: the review comes back by itself.
  save(withFigure);
  await expect.poll(() => errors.count(), poll).toBe(0);
  await expect.poll(() => article.textContent(), poll).toContain('라이브 미리보기: 저장하면 바로 보입니다.');
  expect(await sameDocument()).toBe(true);
  await context.close();
});

// A save made while the page has no event stream (on a first visit the
// stream's route is still compiling; a connection can drop) must not be
// missed: the stream says which content version is current when it connects.
test('a save made before the live preview connects still reaches the open page', { timeout: 300_000 }, async () => {
  const context = await browser().newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  let release = () => {};
  const connect = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/dev/content-events', async (route) => {
    await connect;
    await route.continue();
  });
  // On its own this test is the first visit: next dev compiles the page first.
  await page.goto(other.url, { timeout: 180_000 });
  await waitForHydration(page, { timeout: 120_000 });
  await page.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));

  const original = readFileSync(other.file, 'utf8');
  const lines = original.split('\n');
  const prose = firstProseLine(lines);
  const sentence = '연결 전에 저장한 문장도 보입니다.';
  writeFileSync(other.file, lines.map((line, i) => (i === prose ? sentence : line)).join('\n'));
  // The server has the new text (a fresh request renders it) while the open page, with no stream yet, still shows the old one.
  await expect.poll(async () => (await fetch(`${app.baseURL}${other.url}`)).text(), { timeout: 60_000 }).toContain(sentence);
  expect(await page.locator('article').textContent()).not.toContain(sentence);

  release();
  await expect.poll(() => page.locator('article').textContent(), { timeout: 60_000, interval: 250 }).toContain(sentence);
  expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage === true)).toBe(true);
  writeFileSync(other.file, original);
  await context.close();
});
