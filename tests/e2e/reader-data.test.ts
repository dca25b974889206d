import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { MAX_IMPORT_BYTES, MAX_NOTES, NOTES_LIST_PAGE_SIZE, NOTES_PAGE_SIZE } from '@/lib/reader/shared';
import { startOnPglite, type LoggedApp } from '@/tests/support/server';
import { Reader } from '@/tests/e2e/client';

// The reader-data findings of the second hardening round, against `next start` on every backend.
const index = buildIndex(undefined, undefined, { drafts: false });
const [p1, p2] = index.papers.map((paper) => paper.paperId) as [string, string];
const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();

/** A JSON export file with `count` notes of `length` characters on p1. */
function exportFile(count: number, length = 20, tag = randomUUID()): string {
  const notes = Array.from({ length: count }, (_, i) => ({
    paperId: p1,
    body: `${tag} ${i} `.padEnd(length, 'x'),
    createdAt: at(i),
    updatedAt: at(i),
  }));
  return JSON.stringify({ format: 'papers-review-export', version: 1, exportedAt: at(0), bookmarks: [], statuses: [], notes });
}

type NotesPage = { notes: { id: string; body: string }[]; earlier: string | null };
// Megabytes of imports on a busy 2-core machine: more than the default minute.
const SLOW = { timeout: 180_000 };

describe.each(inject('servers'))('reader data on $backend', ({ baseURL }) => {
  test('a 15 MB import is imported whole; a 21 MB chunked upload is refused with 413, not "not valid JSON"', SLOW, async () => {
    const reader = await new Reader(baseURL).signUp();
    const file = exportFile(800, 20_000);
    expect(file.length).toBeGreaterThan(15 * 1024 * 1024);
    expect(file.length).toBeLessThan(MAX_IMPORT_BYTES);
    const imported = await reader.request('POST', '/api/import', { body: file, headers: { 'Content-Type': 'application/json' } });
    expect(await imported.json()).toEqual({
      imported: {
        bookmarks: 0,
        statuses: 0,
        notes: 800,
        collections: 0,
        collectionPapers: 0,
        highlights: 0,
        skipped: { bookmarks: 0, notes: 0, highlights: 0 },
      },
    });
    expect(imported.status).toBe(200);

    // No Content-Length: the size is only known by counting.
    const chunk = new TextEncoder().encode(' '.repeat(1024 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 21) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${baseURL}/api/import`, {
      method: 'POST',
      headers: { Origin: baseURL, Cookie: reader.cookieHeader, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'The import file is larger than 20 MB.' });
  });

  test('a 10 MB import of nested brackets is refused by its depth', async () => {
    const reader = await new Reader(baseURL).signUp();
    const depth = 5 * 1024 * 1024;
    const response = await reader.request('POST', '/api/import', {
      body: `${'['.repeat(depth)}${']'.repeat(depth)}`,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'The import file nests arrays or objects more than 32 levels deep.' });
  });

  test('a retried note with the same Idempotency-Key is stored once and answered with the first note', async () => {
    const reader = await new Reader(baseURL).signUp();
    const key = randomUUID();
    const send = () =>
      reader.request('POST', '/api/notes', { json: { paperId: p1, body: 'sent twice' }, headers: { 'Idempotency-Key': key } });
    const responses = await Promise.all([send(), send(), send()]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { note: { id: string } }[];
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(bodies.map((b) => b.note.id)).size).toBe(1);
    expect((await send()).status).toBe(201);
    const listed = await reader.json<NotesPage>('GET', `/api/notes?paperId=${encodeURIComponent(p1)}`);
    expect(listed.data.notes.map((n) => n.id)).toEqual([bodies[0]!.note.id]);

    const badKey = await reader.request('POST', '/api/notes', {
      json: { paperId: p1, body: 'x' },
      headers: { 'Idempotency-Key': 'short' },
    });
    expect(badKey.status).toBe(400);
    expect(await badKey.json()).toEqual({ error: 'Idempotency-Key must be 16 to 128 letters, digits, "-" or "_" (a UUID fits).' });
    const otherPaper = await reader.request('POST', '/api/notes', {
      json: { paperId: p2, body: 'sent twice' },
      headers: { 'Idempotency-Key': key },
    });
    expect(otherPaper.status).toBe(422);
  });

  test('5,000 notes: the next one is refused by name, /notes shows one page, a paper’s notes come a page at a time', SLOW, async () => {
    const reader = await new Reader(baseURL).signUp();
    const tag = randomUUID();
    const imported = await reader.request('POST', '/api/import', {
      body: exportFile(MAX_NOTES, 60, tag),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(imported.status).toBe(200);

    expect(await reader.json('POST', '/api/notes', { paperId: p2, body: 'one too many' })).toEqual({
      status: 409,
      data: { error: 'You have 5,000 notes, the most one account can keep. Delete some to add more.' },
    });
    const again = await reader.request('POST', '/api/import', { body: exportFile(1), headers: { 'Content-Type': 'application/json' } });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: 'Importing this file would give you 5,001 notes; one account can keep 5,000. Nothing was imported.',
    });

    // React separates adjacent text with <!-- --> in the HTML.
    const html = (await (await reader.request('GET', '/notes')).text()).replaceAll('<!-- -->', '');
    expect(html.match(/<article /g)).toHaveLength(NOTES_LIST_PAGE_SIZE);
    expect(html).toContain(`${tag} 19 x`);
    expect(html).not.toContain(`${tag} 20 x`);
    expect(html).toContain(`Page 1 of ${MAX_NOTES / NOTES_LIST_PAGE_SIZE}`);
    expect(html).toContain('5,000 notes');
    const last = (await (await reader.request('GET', `/notes?page=${MAX_NOTES / NOTES_LIST_PAGE_SIZE}`)).text()).replaceAll('<!-- -->', '');
    expect(last).toContain(`${tag} 4999 x`);
    expect(last).toContain('continued');

    const url = `/api/notes?paperId=${encodeURIComponent(p1)}`;
    const newest = await reader.json<NotesPage>('GET', url);
    expect(newest.data.notes).toHaveLength(NOTES_PAGE_SIZE);
    expect(newest.data.notes.at(-1)!.body).toMatch(new RegExp(`^${tag} 4999 `));
    const before = await reader.json<NotesPage>('GET', `${url}&before=${encodeURIComponent(newest.data.earlier!)}`);
    expect(before.data.notes.at(-1)!.body).toMatch(new RegExp(`^${tag} ${4999 - NOTES_PAGE_SIZE} `));
    expect((await reader.json('GET', `${url}&before=not-a-cursor`)).status).toBe(400);

    const search = await reader.json<{ hits: unknown[]; searched: number; total: number }>('GET', `/api/search/notes?q=${tag.slice(0, 8)}`);
    expect(search.status).toBe(200);
    expect(search.data).toMatchObject({ searched: MAX_NOTES, total: MAX_NOTES });
    expect(search.data.hits.length).toBeGreaterThan(0);
  });
});

describe('malformed note ids and paths', () => {
  let app: LoggedApp;
  let reader: Reader;
  beforeAll(async () => {
    app = await startOnPglite({}, { captureLogs: true });
    reader = await new Reader(app.baseURL).signUp();
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  test.each(['%00', '%ZZ', '%C0%AF', 'a%00b', '%E0%A4%A', '..%2F..%2Fetc', 'x'.repeat(100)])(
    'PATCH and DELETE /api/notes/%s answer 400 and log nothing',
    async (id) => {
      for (const method of ['PATCH', 'DELETE']) {
        const response = await reader.request(method, `/api/notes/${id}`, method === 'PATCH' ? { json: { body: 'x' } } : {});
        expect(response.status, `${method} ${id}`).toBe(400);
        expect((await response.json()) as unknown, `${method} ${id}`).toEqual({
          error: expect.stringMatching(/^(Invalid note id\.|Bad request: )/),
        });
      }
    },
  );

  test('a review path that does not decode is a 400 with the security headers, not a 500', async () => {
    for (const path of ['/docs/%E0%A4%A', '/docs/papers/%ZZ', '/notes%C0%AF']) {
      const response = await fetch(`${app.baseURL}${path}`);
      expect(response.status, path).toBe(400);
      expect(await response.text()).toBe('Bad request: the URL has a %-escape that is not valid UTF-8.');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test('none of it reached the database or the error log', () => {
    expect(app.logs()).not.toMatch(/\[error\]|Prisma|invalid byte sequence|Internal Server Error|DecodeError/i);
  });
});
