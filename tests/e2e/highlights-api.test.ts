import { describe, expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { paperHref } from '@/lib/content/urls';
import type { HighlightView } from '@/lib/reader/shared';
import { axeViolations, setupBrowser, signedInContext } from '@/tests/e2e/browser';
import { Reader } from '@/tests/e2e/client';

const index = buildIndex(undefined, undefined, { drafts: false });
const review = index.reviews.find((r) => r.papers.length >= 2)!;
const [first, second] = review.papers as [(typeof review.papers)[0], (typeof review.papers)[0]];
const otherReview = index.reviews.find(
  (r) => r.slug !== review.slug && r.papers.some((p) => !review.papers.some((q) => q.paperId === p.paperId)),
)!;
const elsewhere = otherReview.papers.find((p) => !review.papers.some((q) => q.paperId === p.paperId))!;
// A passage that is in the review: the start of the first paper's first paragraph.
const quote = first.excerpt.slice(0, 40);

const newHighlight = (over: Record<string, unknown> = {}) => ({
  review: review.slug,
  paperId: first.paperId,
  quote: { exact: quote, prefix: '', suffix: '' },
  position: { start: 100, end: 140 },
  color: 'yellow',
  ...over,
});

const browser = setupBrowser();

describe.each(inject('servers'))('highlights API on $backend', ({ baseURL }) => {
  test('signed out: 401 for every method', async () => {
    const anonymous = new Reader(baseURL);
    expect((await anonymous.json('GET', `/api/highlights?review=${encodeURIComponent(review.slug)}`)).status).toBe(401);
    expect((await anonymous.json('POST', '/api/highlights', newHighlight())).status).toBe(401);
    expect((await anonymous.json('PATCH', '/api/highlights/cxxxxxxxxxxxxxxxxxxxxxxxx', { color: 'blue' })).status).toBe(401);
    expect((await anonymous.json('DELETE', '/api/highlights/cxxxxxxxxxxxxxxxxxxxxxxxx')).status).toBe(401);
  });

  test('bad input is a 400 that names the field', async () => {
    const reader = await new Reader(baseURL).signUp();
    const bad = (body: unknown) => reader.json<{ error: string }>('POST', '/api/highlights', body);
    expect(await bad(newHighlight({ color: 'purple' }))).toEqual({
      status: 400,
      data: { error: 'Invalid request: color: color must be one of yellow, green, blue, pink' },
    });
    expect(await bad(newHighlight({ quote: { exact: 'x'.repeat(2_001) } }))).toEqual({
      status: 400,
      data: { error: 'Invalid request: quote.exact: The selection is 2,001 characters; a highlight holds at most 2,000. Select less.' },
    });
    expect(await bad(newHighlight({ paperId: elsewhere.paperId }))).toEqual({
      status: 400,
      data: { error: `paperId: "${elsewhere.paperId}" is not a paper of the review "${review.slug}".` },
    });
    expect(await bad(newHighlight({ review: 'papers/y1999/none' }))).toEqual({
      status: 400,
      data: { error: 'review: no review here has the slug "papers/y1999/none".' },
    });
    expect((await reader.json('GET', '/api/highlights')).data).toEqual({ error: 'Invalid query: pass either review or paperId.' });
    expect((await reader.json('PATCH', `/api/highlights/${'x'.repeat(30)}`, { color: 'blue' })).status).toBe(400);
  });

  test('201, 200, 204; another reader’s highlight is a 404 and never shows', async () => {
    const [alice, bob] = [await new Reader(baseURL).signUp(), await new Reader(baseURL).signUp()];
    const created = await alice.json<{ highlight: HighlightView }>('POST', '/api/highlights', newHighlight({ note: '**Alice** only' }));
    expect(created.status).toBe(201);
    const { highlight } = created.data;
    expect(highlight).toMatchObject({
      review: review.slug,
      paperId: first.paperId,
      quote: { exact: quote },
      noteHtml: '<p><strong>Alice</strong> only</p>',
    });

    const listed = await alice.json<{ highlights: HighlightView[] }>('GET', `/api/highlights?review=${encodeURIComponent(review.slug)}`);
    expect(listed.data.highlights.map((h) => h.id)).toEqual([highlight.id]);
    expect((await bob.json('GET', `/api/highlights?review=${encodeURIComponent(review.slug)}`)).data).toEqual({ highlights: [] });
    expect((await bob.json('GET', `/api/highlights?paperId=${encodeURIComponent(first.paperId)}`)).data).toEqual({ highlights: [] });
    expect(await bob.json('PATCH', `/api/highlights/${highlight.id}`, { note: 'mine now' })).toEqual({
      status: 404,
      data: { error: 'Highlight not found.' },
    });
    expect(await bob.json('DELETE', `/api/highlights/${highlight.id}`)).toEqual({ status: 404, data: { error: 'Highlight not found.' } });
    const bobsExport = await (await bob.request('GET', '/api/export?format=readwise')).text();
    expect(bobsExport).not.toContain(quote);
    expect((await bob.json<{ hits: unknown[] }>('GET', '/api/search/notes?q=Alice')).data.hits).toEqual([]);

    const patched = await alice.json<{ highlight: HighlightView }>('PATCH', `/api/highlights/${highlight.id}`, { color: 'green' });
    expect(patched).toMatchObject({ status: 200, data: { highlight: { id: highlight.id, color: 'green', note: '**Alice** only' } } });
    const csv = await alice.request('GET', '/api/export?format=readwise');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="papers-review-highlights-readwise-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(await csv.text()).toContain('Highlight,Title,Author,URL,Note,Location,Date');
    const notebook = await alice.request('GET', '/api/export?format=notebook');
    expect(notebook.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    // The blockquote trims the selection's edges (this one ends in a space).
    expect(await notebook.text()).toContain(`> ${quote.trim()}`);
    expect(await (await bob.request('GET', '/api/export?format=notebook')).text()).not.toContain(quote);
    const deleted = await alice.request('DELETE', `/api/highlights/${highlight.id}`);
    expect(deleted.status).toBe(204);
    expect((await alice.json('GET', `/api/highlights?review=${encodeURIComponent(review.slug)}`)).data).toEqual({ highlights: [] });
  });

  test('a mutation from another site is refused', async () => {
    const reader = await new Reader(baseURL).signUp();
    const response = await reader.request('POST', '/api/highlights', { json: newHighlight(), headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });
});

test('the notebook shows a highlight’s quote and note, flags one whose quote is gone, and deletes in place; the paper page lists them', async () => {
  const baseURL = inject('baseURL');
  const reader = await new Reader(baseURL).signUp();
  const kept = (await reader.json<{ highlight: HighlightView }>('POST', '/api/highlights', newHighlight({ note: 'Why this *matters*' })))
    .data.highlight;
  const gone = (
    await reader.json<{ highlight: HighlightView }>(
      'POST',
      '/api/highlights',
      newHighlight({
        quote: { exact: 'A sentence the author has since rewritten.' },
        position: { start: 5, end: 30 },
        note: 'kept anyway',
      }),
    )
  ).data.highlight;
  const intro = (
    await reader.json<{ highlight: HighlightView }>('POST', '/api/highlights', newHighlight({ paperId: null, quote: { exact: quote } }))
  ).data.highlight;
  await reader.json('POST', '/api/highlights', newHighlight({ paperId: second.paperId }));

  const context = await signedInContext(browser(), baseURL, reader.cookieHeader, { baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/notes');
  const group = page.locator(`[data-notes-group="${first.paperId}"]`);
  const item = group.locator(`[data-highlight="${kept.id}"]`);
  expect(await item.locator('blockquote').textContent()).toBe(quote);
  expect(await item.locator('.note-body em').textContent()).toBe('matters');
  expect(await item.getByRole('link', { name: 'Show in the review' }).getAttribute('href')).toBe(`${review.url}#hl-${kept.id}`);
  const goneList = group.locator('[data-highlights-gone]');
  expect(await goneList.getByRole('heading').textContent()).toBe('No longer in the review');
  expect(await goneList.locator(`[data-highlight="${gone.id}"] blockquote`).textContent()).toBe(
    'A sentence the author has since rewritten.',
  );
  expect(await goneList.locator(`[data-highlight="${gone.id}"] .note-body`).textContent()).toBe('kept anyway');
  // The review's introduction comes before its papers.
  const groups = await page.locator('[data-notes-group]').evaluateAll((els) => els.map((el) => el.getAttribute('data-notes-group')));
  expect(groups.slice(0, 3)).toEqual([`review:${review.slug}`, first.paperId, second.paperId]);
  expect(await page.locator(`[data-highlight="${intro.id}"] blockquote`).textContent()).toBe(quote);
  // The notebook with highlights in it passes the WCAG 2.1 A/AA checks, as the empty one does.
  expect(await axeViolations(page)).toEqual([]);

  // Edit the note in place.
  await item.getByRole('button', { name: 'Edit note' }).click();
  await item.getByRole('textbox').fill('Rewritten **note**');
  await item.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => item.locator('.note-body strong').textContent()).toBe('note');

  // Delete in place: gone from the page at once, and from the server.
  page.once('dialog', (dialog) => void dialog.accept());
  await item.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => page.locator(`[data-highlight-deleted="${kept.id}"]`).textContent()).toBe('Highlight deleted.');
  const left = await reader.json<{ highlights: HighlightView[] }>('GET', `/api/highlights?paperId=${encodeURIComponent(first.paperId)}`);
  expect(left.data.highlights.map((h) => [h.id, h.gone])).toEqual([[gone.id, true]]);

  // The paper's own page lists what is left on it.
  await page.goto(paperHref(first.paperId));
  const onPaper = page.locator(`[data-highlights-for="${first.paperId}"]`);
  await expect.poll(() => onPaper.locator('[data-highlight]').count()).toBe(1);
  expect(await onPaper.locator(`[data-highlight="${gone.id}"] blockquote`).textContent()).toBe(
    'A sentence the author has since rewritten.',
  );
  await context.close();
});
