import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import type { HighlightView } from '@/lib/reader/shared';
import { axeViolations, setupBrowser, signedInContext, waitForHydration } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const review = index.reviews.find((r) => r.papers.length >= 2)!;
const [first, second] = review.papers as [(typeof review.papers)[0], (typeof review.papers)[0]];
const browser = setupBrowser();
const password = 'a long enough password';

/** The first sentence of the first paragraph after a paper's heading, as the page shows it. */
async function sentenceUnder(
  page: Page,
  anchor: string,
): Promise<{ text: string; rect: { x1: number; y1: number; x2: number; y2: number } }> {
  return page.evaluate((anchor) => {
    const heading = document.getElementById(anchor)!;
    let p = heading.nextElementSibling;
    // A paragraph that starts with plain text (not a link or bold), long enough to hold a sentence.
    const plain = (el: Element) =>
      el.tagName === 'P' && el.firstChild?.nodeType === Node.TEXT_NODE && (el.firstChild as Text).data.length > 40;
    while (p && !plain(p)) p = p.nextElementSibling;
    const text = p!.firstChild as Text;
    const end = Math.min(text.data.search(/[.!?](\s|$)/) + 1 || text.data.length, text.data.length);
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, end);
    const rects = range.getClientRects();
    const a = rects[0]!;
    const b = rects[rects.length - 1]!;
    return { text: range.toString(), rect: { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 } };
  }, anchor);
}

/** Drags the mouse over the sentence, as a reader selects it; returns the selected text. */
async function selectWithMouse(page: Page, anchor: string): Promise<string> {
  await page.locator(`[id="${anchor}"]`).scrollIntoViewIfNeeded();
  await page.evaluate((anchor) => window.scrollBy(0, document.getElementById(anchor)!.getBoundingClientRect().top - 80), anchor);
  const { rect } = await sentenceUnder(page, anchor);
  await page.mouse.move(rect.x1, rect.y1);
  await page.mouse.down();
  await page.mouse.move(rect.x2, rect.y2, { steps: 8 });
  await page.mouse.up();
  return page.evaluate(() => document.getSelection()!.toString().trim());
}

/** The text of every painted highlight: CSS.highlights' ranges, or the <mark>s of the fallback. */
function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('reader-hl-') || name === 'reader-hl-flash') continue;
      for (const range of highlight) texts.push((range as Range).toString());
    }
    for (const mark of document.querySelectorAll('mark.reader-hl')) texts.push(mark.textContent ?? '');
    return texts.sort();
  });
}

/** Clicks the middle of the first line of a painted highlight. */
async function clickHighlight(page: Page, text: string) {
  const point = await page.evaluate((text) => {
    for (const [, highlight] of CSS.highlights) {
      for (const range of highlight) {
        if ((range as Range).toString() !== text) continue;
        (range as Range).startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const r = (range as Range).getClientRects()[0]!;
        return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
      }
    }
    return null;
  }, text);
  expect(point, `"${text}" is painted`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

async function signUpAt(page: Page, email: string, returnTo: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByRole('tab', { name: 'Create account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await page.waitForURL(`**${returnTo}`);
}

const popover = (page: Page) => page.locator('[data-highlight-popover]');
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Highlight the selection' });

test('select a sentence, highlight it with a note; after a reload it is painted on the same words and the note opens by click and by keyboard', async () => {
  const context = await browser().newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signUpAt(page, `hl-${randomBytes(4).toString('hex')}@example.com`, review.url);
  await waitForHydration(page);

  const selected = await selectWithMouse(page, first.anchor);
  expect(selected.length).toBeGreaterThan(20);
  await toolbar(page).getByRole('button', { name: 'Highlight with note' }).click();
  await expect.poll(() => popover(page).getByRole('textbox').isVisible()).toBe(true);
  await popover(page).getByRole('textbox').fill('The **key idea** of the paper.');
  await popover(page).getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popover(page).locator('[data-highlight-note] strong').textContent()).toBe('key idea');
  expect(await paintedTexts(page)).toEqual([selected]);
  const stored = (
    await page.evaluate(
      async (slug) => (await (await fetch(`/api/highlights?review=${encodeURIComponent(slug)}`)).json()) as { highlights: HighlightView[] },
      review.slug,
    )
  ).highlights;
  expect(stored).toMatchObject([{ paperId: first.paperId, quote: { exact: selected }, note: 'The **key idea** of the paper.' }]);

  await page.reload();
  await expect.poll(() => paintedTexts(page)).toEqual([selected]);
  // No highlight, no note, until asked.
  expect(await popover(page).count()).toBe(0);

  await clickHighlight(page, selected);
  await expect.poll(() => popover(page).locator('[data-highlight-note] strong').textContent()).toBe('key idea');
  await page.keyboard.press('Escape');
  await expect.poll(() => popover(page).count()).toBe(0);

  // Keyboard: the review's highlights are buttons in the list under the review; Enter opens the note.
  const item = page.locator(`[data-highlight-item="${stored[0]!.id}"]`);
  await item.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => popover(page).locator('[data-highlight-note]').textContent()).toContain('key idea');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-highlight-popover]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-highlight-item'))).toBe(stored[0]!.id);

  expect(await axeViolations(page)).toEqual([]);
  await item.click();
  await expect.poll(() => popover(page).isVisible()).toBe(true);
  expect(await axeViolations(page)).toEqual([]);

  // Edit, recolor and delete from the popover.
  await popover(page).getByRole('button', { name: 'Green' }).click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('reader-hl-green'))).toBe(true);
  await popover(page).getByRole('button', { name: 'Delete highlight' }).click();
  await expect.poll(() => paintedTexts(page)).toEqual([]);
  await page.reload();
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');
  expect(await paintedTexts(page)).toEqual([]);
  await context.close();
});

test("two readers' highlights never show to each other", async () => {
  const alice = await new Reader(baseURL).signUp();
  const bob = await new Reader(baseURL).signUp();
  const secret = `alice's secret ${randomBytes(4).toString('hex')}`;
  // Alice highlights through the page, so the selectors are the page's own.
  const aliceContext = await signedInContext(browser(), baseURL, alice.cookieHeader, { baseURL, viewport: { width: 1280, height: 900 } });
  const page = await aliceContext.newPage();
  await page.goto(review.url);
  await waitForHydration(page);
  const selected = await selectWithMouse(page, second.anchor);
  await toolbar(page).getByRole('button', { name: 'Highlight with note' }).click();
  await popover(page).getByRole('textbox').fill(secret);
  await popover(page).getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popover(page).locator('[data-highlight-note]').textContent()).toContain(secret);
  expect(await paintedTexts(page)).toEqual([selected]);
  await aliceContext.close();

  const bobContext = await signedInContext(browser(), baseURL, bob.cookieHeader, { baseURL, viewport: { width: 1280, height: 900 } });
  const bobPage = await bobContext.newPage();
  const answers: string[] = [];
  bobPage.on('response', (response) => {
    if (response.url().includes('/api/highlights')) void response.text().then((body) => answers.push(body));
  });
  await bobPage.goto(review.url);
  await waitForHydration(bobPage);
  // Bob's page asks for his highlights once it has hydrated (under load, after networkidle may have fired): wait for the answer.
  await expect.poll(() => answers, { timeout: 30_000 }).toEqual(['{"highlights":[]}']);
  await bobPage.waitForLoadState('networkidle');
  expect(await paintedTexts(bobPage)).toEqual([]);
  expect(await bobPage.content()).not.toContain(secret);
  await bobContext.close();
});

test('a signed-out selection leads through sign-in back to the review with the highlight made', async () => {
  const email = `later-${randomBytes(4).toString('hex')}@example.com`;
  await new Reader(baseURL, email, password).signUp();
  const context = await browser().newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(review.url);
  await waitForHydration(page);
  const selected = await selectWithMouse(page, first.anchor);
  await toolbar(page).getByRole('button', { name: 'Sign in to highlight' }).click();
  await page.waitForURL('**/signin?callbackUrl=**');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await page.waitForURL(`**${review.url}`);
  await expect.poll(() => paintedTexts(page)).toEqual([selected]);
  // Made once: a reload neither loses it nor makes it again.
  await page.reload();
  await expect.poll(() => paintedTexts(page)).toEqual([selected]);
  await page.waitForLoadState('networkidle');
  expect(await paintedTexts(page)).toEqual([selected]);
  await context.close();
});

test('on a 390 px touch screen: a selection gets the toolbar, a tap highlights, a tap on the highlight opens it', async () => {
  const reader = await new Reader(baseURL).signUp();
  const context = await signedInContext(browser(), baseURL, reader.cookieHeader, {
    baseURL,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(review.url);
  await waitForHydration(page);
  await page.locator(`[id="${first.anchor}"]`).scrollIntoViewIfNeeded();
  // Playwright cannot long-press to select; the selection a long press makes is set directly, everything after is real taps.
  const selected = await page.evaluate((anchor) => {
    let p = document.getElementById(anchor)!.nextElementSibling;
    while (p && !(p.tagName === 'P' && (p.textContent ?? '').length > 60)) p = p.nextElementSibling;
    p!.scrollIntoView({ block: 'center' });
    const text = p!.firstChild as Text;
    const end = text.data.search(/[.!?](\s|$)/) + 1 || text.data.length;
    document.getSelection()!.setBaseAndExtent(text, 0, text, end);
    return document.getSelection()!.toString();
  }, first.anchor);
  await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).tap();
  await expect.poll(() => paintedTexts(page)).toEqual([selected.trim()]);
  await expect.poll(() => page.evaluate(() => document.getSelection()!.isCollapsed)).toBe(true);
  const point = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('reader-hl-yellow') as Highlight)][0] as Range;
    const r = range.getClientRects()[0]!;
    return { x: r.left + 10, y: r.top + r.height / 2 };
  });
  await page.touchscreen.tap(point.x, point.y);
  await expect.poll(() => popover(page).isVisible()).toBe(true);
  // The popover fits the phone's width.
  const box = (await popover(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test('#hl-<id> scrolls to the highlight and flashes it; a highlight whose text is gone is listed under its paper with its note', async () => {
  const reader = await new Reader(baseURL).signUp();
  const context = await signedInContext(browser(), baseURL, reader.cookieHeader, { baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(review.url);
  await waitForHydration(page);
  const selected = await selectWithMouse(page, second.anchor);
  await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect.poll(() => paintedTexts(page)).toEqual([selected]);
  const [made] = (await reader.json<{ highlights: HighlightView[] }>('GET', `/api/highlights?review=${encodeURIComponent(review.slug)}`))
    .data.highlights;

  await page.goto('about:blank');
  await page.goto(`${review.url}#hl-${made!.id}`);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('reader-hl-flash'))).toBe(true);
  const top = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('reader-hl-flash') as Highlight)][0] as Range;
    return range.getBoundingClientRect().top;
  });
  expect(top).toBeGreaterThan(0);
  expect(top).toBeLessThan(900);

  // The author rewrote that sentence after the reader highlighted it: the stored
  // quote (as the server keeps it) no longer matches anything on the page.
  await page.route('**/api/highlights?*', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { highlights: HighlightView[] };
    const gone = body.highlights.map((h) => ({
      ...h,
      quote: { exact: 'A sentence the author has since deleted from this review entirely.', prefix: '', suffix: '' },
      position: { start: 0, end: 66 },
      note: 'My note on it',
      noteHtml: '<p>My note on it</p>',
    }));
    await route.fulfill({ response, json: { highlights: gone } });
  });
  await page.goto(review.url);
  const orphan = page.locator(`[data-orphans-for="${second.paperId}"] [data-orphaned-highlight="${made!.id}"]`);
  await expect.poll(() => orphan.textContent()).toContain('A sentence the author has since deleted');
  expect(await orphan.textContent()).toContain('My note on it');
  expect(await page.locator('[data-orphaned-highlights]').textContent()).toContain('No longer in the review');
  expect(await page.locator(`[data-orphans-for="${second.paperId}"] h4`).textContent()).toContain(second.name);
  expect(await paintedTexts(page)).toEqual([]);
  await context.close();
});

// Headless Chromium has no caret browsing (F7), so Shift+arrows cannot extend a
// selection in the page's text here: the selection is set as that would set
// it, and everything after it is the keyboard.
test('with text selected, Tab reaches the toolbar and Enter highlights the selection', async () => {
  const reader = await new Reader(baseURL).signUp();
  const context = await signedInContext(browser(), baseURL, reader.cookieHeader, { baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(review.url);
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');
  const selected = await page.evaluate((anchor) => {
    let p = document.getElementById(anchor)!.nextElementSibling;
    while (p && !(p.tagName === 'P' && p.firstChild?.nodeType === Node.TEXT_NODE && (p.firstChild as Text).data.length > 40))
      p = p.nextElementSibling;
    p!.scrollIntoView({ block: 'center' });
    const text = p!.firstChild as Text;
    document.getSelection()!.setBaseAndExtent(text, 0, text, 30);
    return document.getSelection()!.toString().trim();
  }, first.anchor);
  await expect.poll(() => toolbar(page).isVisible()).toBe(true);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Highlight');
  await page.keyboard.press('Enter');
  await expect.poll(() => paintedTexts(page)).toEqual([selected]);
  await context.close();
});

test('without the CSS Custom Highlight API the same words are wrapped in <mark>s, the text unchanged, and a click opens the note', async () => {
  const reader = await new Reader(baseURL).signUp();
  const context = await signedInContext(browser(), baseURL, reader.cookieHeader, { baseURL, viewport: { width: 1280, height: 900 } });
  // A browser without the API (Firefox before 140, older Safari).
  await context.addInitScript(() => {
    delete (CSS as { highlights?: unknown }).highlights;
  });
  const page = await context.newPage();
  await page.goto(review.url);
  await waitForHydration(page);
  const before = await page.locator('[data-highlight-root]').textContent();
  const selected = await selectWithMouse(page, first.anchor);
  await toolbar(page).getByRole('button', { name: 'Highlight with note' }).click();
  await popover(page).getByRole('textbox').fill('fallback note');
  await popover(page).getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popover(page).locator('[data-highlight-note]').textContent()).toContain('fallback note');
  await page.keyboard.press('Escape');
  await page.reload();
  await expect.poll(() => page.locator('mark.reader-hl').count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...document.querySelectorAll('mark.reader-hl')].map((m) => m.textContent).join(''))).toBe(selected);
  expect(await page.locator('[data-highlight-root]').textContent()).toBe(before);
  await page.locator('mark.reader-hl').first().click();
  await expect.poll(() => popover(page).locator('[data-highlight-note]').textContent()).toContain('fallback note');
  await context.close();
});

// Looked at by a person before the work is called done: tmp/screenshots/highlights-*.png.
test('screenshots of a review with highlights and an open note, light and dark, 390 and 1280 px', async () => {
  const reader = await new Reader(baseURL).signUp();
  const dir = 'tmp/screenshots';
  mkdirSync(dir, { recursive: true });
  const maker = await signedInContext(browser(), baseURL, reader.cookieHeader, { baseURL, viewport: { width: 1280, height: 900 } });
  const page = await maker.newPage();
  await page.goto(review.url);
  await waitForHydration(page);
  await selectWithMouse(page, first.anchor);
  await toolbar(page).getByRole('button', { name: 'Highlight with note' }).click();
  await popover(page).getByRole('textbox').fill('Worth a **second read**: $x^2$ and `code`.');
  await popover(page).getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popover(page).locator('[data-highlight-note] strong').count()).toBe(1);
  await maker.close();
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      const context: BrowserContext = await signedInContext(browser(), baseURL, reader.cookieHeader, {
        baseURL,
        colorScheme,
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(review.url);
      await waitForHydration(page);
      await expect.poll(async () => (await paintedTexts(page)).length).toBe(1);
      const text = (await paintedTexts(page))[0]!;
      await clickHighlight(page, text);
      await expect.poll(() => popover(page).isVisible()).toBe(true);
      await page.screenshot({ path: `${dir}/highlights-${colorScheme}-${width}.png` });
      await context.close();
    }
  }
});
