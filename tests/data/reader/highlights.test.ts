import { parse } from 'csv-parse/sync';
import type * as nextAuth from 'next-auth';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { siteConfig } from '@/lib/config/site';
import { quoteInReview } from '@/lib/content/index/review-text';
import { notebookMarkdownChunks, toMarkdown } from '@/lib/reader/export/markdown';
import { READWISE_COLUMNS, readwiseCsv } from '@/lib/reader/export/readwise';
import {
  gatherExportPapers,
  importReaderData,
  notebookExportGroups,
  parseReaderExport,
  readerDataJsonChunks,
  readReaderData,
} from '@/lib/reader/export/reader-data';
import { searchNotes } from '@/lib/reader/note-search';
import { listNotebookPage } from '@/lib/reader/notebook';
import {
  createHighlight,
  deleteHighlight,
  listAllHighlights,
  listHighlightsForPaper,
  listHighlightsForReview,
  presentHighlight,
  updateHighlight,
  type NewHighlight,
} from '@/lib/reader/highlights';
import { HIGHLIGHT_QUOTE_MAX_LENGTH, MAX_HIGHLIGHTS } from '@/lib/reader/shared';
import { useAppTestDb } from '@/tests/support/app-db';
import { writeContent } from '@/tests/support/content';
import { createTestDb, describeEachBackend, userFactory } from '@/tests/support/db';

const site = siteConfig.url.replace(/\/+$/, '');
const jsonText = (data: Awaited<ReturnType<typeof readReaderData>>) =>
  [...readerDataJsonChunks(data, new Date('2026-01-01T00:00:00.000Z'))].join('');
const asUser = (id: string | null) => {
  session.user = id === null ? null : { id, email: null, name: null };
};
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const send = (method: string, url: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { origin: 'http://localhost', host: 'localhost', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

// The routes read the session through NextAuth's getServerSession; here the signed-in reader is whoever the test says.
const session = vi.hoisted(() => ({ user: null as { id: string; email: string | null; name: string | null } | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof nextAuth>()),
  getServerSession: () => Promise.resolve(session.user ? { user: session.user, expires: '2100-01-01T00:00:00.000Z' } : null),
}));

const REVIEW = 'papers/y2025/nov/20251121';
const OTHER_REVIEW = 'papers/y2025/nov/20251114';
const SAM = 'arxiv:2511.16624';
const ELSEWHERE = 'arxiv:2510.00001';

const REVIEW_TEXT = [
  '---',
  'title: Weekly review, Nov 21',
  'date: 2025-11-21',
  '---',
  '',
  'This week brings two papers about seeing in three dimensions.',
  '',
  '## 1. [SAM 3D](https://arxiv.org/abs/2511.16624) `Meta`',
  '',
  'SAM 3D reconstructs **whole objects** from a single image, even when they are partly hidden.',
  '',
  'The geometry model is trained in stages.',
  '',
  '## 2. [DINOv3](https://arxiv.org/abs/2508.10104) `Meta`',
  '',
  'Self-supervised features that stay sharp at high resolution.',
  '',
].join('\n');

beforeAll(() => {
  vi.stubEnv(
    'CONTENT_DIR',
    writeContent({
      [`${REVIEW}.md`]: REVIEW_TEXT,
      [`${OTHER_REVIEW}.md`]: [
        '---',
        'title: Weekly review, Nov 14',
        'date: 2025-11-14',
        '---',
        '',
        '## 1. [Other](https://arxiv.org/abs/2510.00001)',
        '',
        'Other text.',
        '',
      ].join('\n'),
    }),
  );
});
afterAll(() => vi.unstubAllEnvs());

const input = (over: Partial<NewHighlight> = {}): NewHighlight => ({
  review: REVIEW,
  paperId: SAM,
  quote: { exact: 'whole objects', prefix: 'SAM 3D reconstructs ', suffix: ' from a single image' },
  position: { start: 120, end: 133 },
  color: 'yellow',
  note: null,
  ...over,
});

describeEachBackend('highlights', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'highlights');

  test('create, list by review and paper, edit the note and color, delete', async () => {
    const reader = await newUser();
    const made = await createHighlight(reader, input({ note: 'Key **claim**' }));
    const intro = await createHighlight(
      reader,
      input({ paperId: null, quote: { exact: 'two papers', prefix: 'brings ', suffix: ' about' }, position: { start: 16, end: 26 } }),
    );
    expect((await listHighlightsForReview(reader, REVIEW)).map((h) => h.id)).toEqual([intro.id, made.id]);
    expect((await listHighlightsForPaper(reader, SAM)).map((h) => h.id)).toEqual([made.id]);
    const view = await presentHighlight(made);
    expect(view).toMatchObject({
      review: REVIEW,
      paperId: SAM,
      quote: { exact: 'whole objects', prefix: 'SAM 3D reconstructs ', suffix: ' from a single image' },
      position: { start: 120, end: 133 },
      color: 'yellow',
      note: 'Key **claim**',
      noteHtml: '<p>Key <strong>claim</strong></p>',
    });

    const edited = await updateHighlight(reader, made.id, { note: 'Changed <script>alert(1)</script>', color: 'green' });
    expect(edited).toMatchObject({ note: 'Changed <script>alert(1)</script>', color: 'green' });
    // Raw HTML is dropped as in notes: the tag goes, its text stays as text.
    expect((await presentHighlight(edited!)).noteHtml).toBe('<p>Changed alert(1)</p>');
    expect(await updateHighlight(reader, made.id, { note: null })).toMatchObject({ note: null, color: 'green' });

    expect(await deleteHighlight(reader, made.id)).toBe(true);
    expect(await deleteHighlight(reader, made.id)).toBe(false);
    expect((await listAllHighlights(reader)).map((h) => h.id)).toEqual([intro.id]);
  });

  test('an unknown review, or a paper not in that review, is refused by name', async () => {
    const reader = await newUser();
    await expect(createHighlight(reader, input({ review: 'papers/y2025/nov/nope' }))).rejects.toMatchObject({
      status: 400,
      message: 'review: no review here has the slug "papers/y2025/nov/nope".',
    });
    await expect(createHighlight(reader, input({ paperId: ELSEWHERE }))).rejects.toMatchObject({
      status: 400,
      message: `paperId: "${ELSEWHERE}" is not a paper of the review "${REVIEW}".`,
    });
    expect(await listAllHighlights(reader)).toEqual([]);
  });

  test('a quote over 2,000 characters is refused by name; 2,000 exactly is stored', async () => {
    const reader = await newUser();
    const long = 'x'.repeat(HIGHLIGHT_QUOTE_MAX_LENGTH + 1);
    await expect(createHighlight(reader, input({ quote: { exact: long, prefix: '', suffix: '' } }))).rejects.toMatchObject({
      status: 400,
      message: 'Invalid highlight: quote.exact: The selection is 2,001 characters; a highlight holds at most 2,000. Select less.',
    });
    const exact = '가'.repeat(HIGHLIGHT_QUOTE_MAX_LENGTH);
    expect((await createHighlight(reader, input({ quote: { exact, prefix: '', suffix: '' } }))).quoteExact).toBe(exact);
    await expect(createHighlight(reader, input({ note: ' ' }))).rejects.toMatchObject({
      status: 400,
      message: 'Invalid highlight: note: A note cannot be empty.',
    });
  });

  test('the 5,000th highlight is the last: the next is refused with a message that says what to do', async () => {
    const { db } = getTestDb();
    const reader = await newUser();
    await db.highlight.createMany({
      data: Array.from({ length: MAX_HIGHLIGHTS - 1 }, (_, i) => ({
        userId: reader,
        review: REVIEW,
        paperId: SAM,
        quoteExact: `q${i}`,
        quotePrefix: '',
        quoteSuffix: '',
        positionStart: i,
        positionEnd: i + 1,
        color: 'yellow',
      })),
    });
    await createHighlight(reader, input());
    await expect(createHighlight(reader, input())).rejects.toMatchObject({
      status: 409,
      message: 'You have 5,000 highlights, the most one account can keep. Delete some to add more.',
    });
    expect(await db.highlight.count({ where: { userId: reader } })).toBe(MAX_HIGHLIGHTS);
    // Another reader is not affected by this one's limit.
    expect((await createHighlight(await newUser(), input())).id).toBeTruthy();
    // An import past the limit is refused whole.
    const file = parseReaderExport({
      format: 'papers-review-export',
      version: 3,
      exportedAt: '2026-01-01T00:00:00.000Z',
      bookmarks: [],
      statuses: [],
      notes: [],
      highlights: [
        {
          review: REVIEW,
          paperId: SAM,
          quote: { exact: 'whole objects', prefix: '', suffix: '' },
          position: { start: 1, end: 2 },
          color: 'blue',
          note: null,
          createdAt: '2020-01-01T00:00:00.000Z',
          updatedAt: '2020-01-01T00:00:00.000Z',
        },
      ],
    });
    await expect(importReaderData(reader, file)).rejects.toMatchObject({
      status: 409,
      message: 'Importing this file would give you 5,001 highlights; one account can keep 5,000. Nothing was imported.',
    });
  }, 120_000);

  test('another reader can neither read, edit, delete, export nor search them (data and HTTP)', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const secret = await createHighlight(a, input({ note: 'SECRET NOTE of A' }));
    await createHighlight(a, input({ paperId: null, quote: { exact: 'seeing in three dimensions', prefix: '', suffix: '' } }));

    expect(await listHighlightsForReview(b, REVIEW)).toEqual([]);
    expect(await listHighlightsForPaper(b, SAM)).toEqual([]);
    expect(await listAllHighlights(b)).toEqual([]);
    expect(await updateHighlight(b, secret.id, { note: 'taken over' })).toBeNull();
    expect(await deleteHighlight(b, secret.id)).toBe(false);
    expect((await readReaderData(b)).highlights).toEqual([]);
    expect(await gatherExportPapers(b, [SAM])).toMatchObject([{ paperId: SAM, highlights: [] }]);
    expect(readwiseCsv((await readReaderData(b)).highlights)).not.toContain('whole objects');
    expect((await searchNotes(b, 'SECRET')).hits).toEqual([]);
    expect((await searchNotes(b, 'objects')).hits).toEqual([]);

    const { GET, POST } = await import('@/app/api/highlights/route');
    const one = await import('@/app/api/highlights/[id]/route');
    const exportRoute = await import('@/app/api/export/route');
    const searchRoute = await import('@/app/api/search/notes/route');
    asUser(null);
    expect((await GET(send('GET', `/api/highlights?review=${REVIEW}`), undefined)).status).toBe(401);
    expect((await POST(send('POST', '/api/highlights', input()), undefined)).status).toBe(401);
    asUser(b);
    expect(await (await GET(send('GET', `/api/highlights?review=${encodeURIComponent(REVIEW)}`), undefined)).json()).toEqual({
      highlights: [],
    });
    expect(await (await GET(send('GET', `/api/highlights?paperId=${encodeURIComponent(SAM)}`), undefined)).json()).toEqual({
      highlights: [],
    });
    for (const response of [
      await one.PATCH(send('PATCH', `/api/highlights/${secret.id}`, { note: 'taken over' }), ctx(secret.id)),
      await one.DELETE(send('DELETE', `/api/highlights/${secret.id}`), ctx(secret.id)),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'Highlight not found.' });
    }
    for (const format of ['json', 'readwise', 'md', 'notebook']) {
      const text = await (
        await exportRoute.GET(send('GET', `/api/export?format=${format}&ids=${encodeURIComponent(SAM)}`), undefined)
      ).text();
      expect(text).not.toContain('SECRET');
      expect(text).not.toContain('whole objects');
    }
    const found = await (await searchRoute.GET(send('GET', '/api/search/notes?q=SECRET'), undefined)).json();
    expect(found).toMatchObject({ hits: [], total: 0 });

    // A's own requests see A's: the matrix is not vacuous.
    asUser(a);
    const mine = (await (await GET(send('GET', `/api/highlights?review=${encodeURIComponent(REVIEW)}`), undefined)).json()) as {
      highlights: { id: string }[];
    };
    expect(mine.highlights.map((h) => h.id)).toContain(secret.id);
    const hits = (await (await searchRoute.GET(send('GET', '/api/search/notes?q=SECRET'), undefined)).json()) as { hits: unknown[] };
    expect(hits.hits).toEqual([
      {
        kind: 'highlight',
        noteId: `hl-${secret.id}`,
        href: `/docs/${REVIEW}#hl-${secret.id}`,
        paper: 'SAM 3D',
        excerpt: expect.objectContaining({ field: 'text' }),
      },
    ]);
    const byQuote = await searchNotes(a, 'three dimensions');
    expect(byQuote.hits).toMatchObject([{ kind: 'highlight', paperId: null, review: REVIEW }]);
    expect(await one.DELETE(send('DELETE', `/api/highlights/${secret.id}`), ctx(secret.id))).toMatchObject({ status: 204 });
    asUser(null);
  });

  test('HTTP: bad input is a 400 that names the field; create, edit and delete answer 201, 200 and 204', async () => {
    const reader = await newUser();
    asUser(reader);
    const { POST } = await import('@/app/api/highlights/route');
    const one = await import('@/app/api/highlights/[id]/route');
    const bad = async (body: unknown, expected: RegExp) => {
      const response = await POST(send('POST', '/api/highlights', body), undefined);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(expected);
    };
    await bad({ ...input(), color: 'purple' }, /^Invalid request: color: color must be one of yellow, green, blue, pink$/);
    await bad({ ...input(), position: { start: 5, end: 5 } }, /position: position.end must be after position.start/);
    await bad({ ...input(), review: 'papers/x y' }, /review: review must be a review slug/);
    await bad({ ...input(), review: '../etc' }, /review: no review here has the slug "..\/etc"/);
    await bad({ ...input(), paperId: ELSEWHERE }, /paperId: .* is not a paper of the review/);
    await bad({ ...input(), extra: 1 }, /Unrecognized key: "extra"/);

    const created = await POST(send('POST', '/api/highlights', input({ note: '*why* it matters' })), undefined);
    expect(created.status).toBe(201);
    const { highlight } = (await created.json()) as { highlight: { id: string; noteHtml: string } };
    expect(highlight.noteHtml).toBe('<p><em>why</em> it matters</p>');
    const { GET } = await import('@/app/api/highlights/route');
    const onPaper = await GET(send('GET', `/api/highlights?paperId=${encodeURIComponent(SAM)}`), undefined);
    expect(await onPaper.json()).toEqual({
      highlights: [expect.objectContaining({ id: highlight.id, href: `/docs/${REVIEW}#hl-${highlight.id}`, gone: false })],
    });
    const both = await GET(send('GET', `/api/highlights?paperId=${encodeURIComponent(SAM)}&review=${REVIEW}`), undefined);
    expect(await both.json()).toEqual({ error: 'Invalid query: pass either review or paperId.' });
    const patched = await one.PATCH(send('PATCH', `/api/highlights/${highlight.id}`, { color: 'pink' }), ctx(highlight.id));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ highlight: { id: highlight.id, color: 'pink', note: '*why* it matters' } });
    const empty = await one.PATCH(send('PATCH', `/api/highlights/${highlight.id}`, {}), ctx(highlight.id));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: 'Invalid request: Send a note or a color to change.' });
    expect((await one.DELETE(send('DELETE', `/api/highlights/${highlight.id}`), ctx(highlight.id))).status).toBe(204);
    expect((await one.DELETE(send('DELETE', `/api/highlights/${highlight.id}`), ctx(highlight.id))).status).toBe(404);
    asUser(null);
  });

  test('a retry with the same Idempotency-Key returns the first highlight', async () => {
    const reader = await newUser();
    const key = 'retry-key-0123456789';
    const first = await createHighlight(reader, input(), key);
    expect((await createHighlight(reader, input(), key)).id).toBe(first.id);
    await expect(createHighlight(reader, input({ review: OTHER_REVIEW, paperId: ELSEWHERE }), key)).rejects.toMatchObject({ status: 422 });
    expect(await listAllHighlights(reader)).toHaveLength(1);
  });

  test('Markdown export: a blockquote per highlight, its note under it, with the paper’s notes', async () => {
    const { db } = getTestDb();
    const reader = await newUser();
    const at = new Date('2025-11-22T10:00:00.000Z');
    const h = await createHighlight(reader, input({ note: 'Compare with **NeRF**.' }));
    await db.highlight.update({ where: { id: h.id }, data: { createdAt: at } });
    const risky = await createHighlight(
      reader,
      input({
        quote: { exact: '- starts like a list * and <b>', prefix: '', suffix: '' },
        position: { start: 500, end: 520 },
        note: 'unclosed <!-- comment',
      }),
    );
    await db.highlight.update({ where: { id: risky.id }, data: { createdAt: at } });
    await db.note.create({ data: { userId: reader, paperId: SAM, body: 'A plain note', createdAt: at, updatedAt: at } });
    const markdown = toMarkdown(await gatherExportPapers(reader, [SAM]), at);
    expect(markdown).toContain(
      [
        '### Highlights',
        '',
        '> whole objects',
        '>',
        `> [2025-11-22 10:00 UTC](${site}/docs/${REVIEW}#hl-${h.id})`,
        '',
        'Compare with **NeRF**.',
        '',
        '> \\- starts like a list \\* and \\<b\\>',
        '>',
        `> [2025-11-22 10:00 UTC](${site}/docs/${REVIEW}#hl-${risky.id})`,
        '',
        '```markdown',
        'unclosed <!-- comment',
        '```',
        '',
        '### Notes',
        '',
        '#### 2025-11-22 10:00 UTC',
        '',
        '```markdown',
        'A plain note',
        '```',
      ].join('\n'),
    );
  });

  test('notebook Markdown export: every note and highlight, the introduction first, grouped by paper in review order', async () => {
    const { db } = getTestDb();
    const reader = await newUser();
    const at = new Date('2025-11-22T10:00:00.000Z');
    await db.note.create({ data: { userId: reader, paperId: ELSEWHERE, body: 'older review note', createdAt: at, updatedAt: at } });
    const sam = await createHighlight(reader, input({ note: 'why' }));
    const intro = await createHighlight(reader, input({ paperId: null, quote: { exact: 'two papers', prefix: '', suffix: '' } }));
    await db.highlight.updateMany({ where: { userId: reader }, data: { createdAt: at } });
    const text = [...notebookMarkdownChunks(notebookExportGroups(await readReaderData(reader)), at)].join('');
    expect(text).toBe(
      [
        '# Papers Review: my notes and highlights',
        '',
        'Exported 2025-11-22 · 2 highlights, 1 note',
        '',
        '## Weekly review, Nov 21: introduction',
        '',
        `- Review: [Weekly review, Nov 21](${site}/docs/${REVIEW})`,
        '',
        '### Highlights',
        '',
        '> two papers',
        '>',
        `> [2025-11-22 10:00 UTC](${site}/docs/${REVIEW}#hl-${intro.id})`,
        '',
        '## SAM 3D',
        '',
        '`Meta`',
        '',
        `- Review: [Weekly review, Nov 21](${site}/docs/${REVIEW}#1-sam-3d-meta)`,
        '',
        '### Highlights',
        '',
        '> whole objects',
        '>',
        `> [2025-11-22 10:00 UTC](${site}/docs/${REVIEW}#hl-${sam.id})`,
        '',
        'why',
        '',
        '## Other',
        '',
        `- Review: [Weekly review, Nov 14](${site}/docs/${OTHER_REVIEW}#1-other)`,
        '',
        '### Notes',
        '',
        '#### 2025-11-22 10:00 UTC',
        '',
        '```markdown',
        'older review note',
        '```',
        '',
      ].join('\n'),
    );
    // Another reader's notebook export has none of it.
    expect(notebookExportGroups(await readReaderData(await newUser()))).toEqual([]);
  });

  test('JSON export carries highlights (version 3) and imports back; re-importing adds nothing; older versions still import', async () => {
    const { db } = getTestDb();
    const reader = await newUser();
    await createHighlight(reader, input({ note: 'with a note', color: 'green' }));
    await createHighlight(
      reader,
      input({ paperId: null, quote: { exact: 'two papers', prefix: 'brings ', suffix: ' about' }, position: { start: 16, end: 26 } }),
    );
    const exported = await readReaderData(reader);
    const file = JSON.parse(jsonText(exported)) as { version: number; highlights: unknown[] };
    expect(file.version).toBe(3);
    expect(file.highlights).toEqual([
      {
        review: REVIEW,
        paperId: SAM,
        quote: { exact: 'whole objects', prefix: 'SAM 3D reconstructs ', suffix: ' from a single image' },
        position: { start: 120, end: 133 },
        color: 'green',
        note: 'with a note',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
      expect.objectContaining({ paperId: null, quote: { exact: 'two papers', prefix: 'brings ', suffix: ' about' } }),
    ]);

    const fresh = await createTestDb(getTestDb().backend);
    try {
      useAppTestDb(fresh.db);
      const target = (await fresh.db.user.create({ data: { email: 'hl-import@example.com' } })).id;
      expect(await importReaderData(target, parseReaderExport(file))).toMatchObject({ highlights: 2, skipped: { highlights: 0 } });
      const strip = ({ id: _id, ...rest }: { id: string }) => rest;
      expect((await readReaderData(target)).highlights.map(strip)).toEqual(exported.highlights.map(strip));
      expect(await importReaderData(target, parseReaderExport(file))).toMatchObject({ highlights: 0, skipped: { highlights: 2 } });
      expect(await fresh.db.highlight.count()).toBe(2);
      // Version 2 files have no highlights and still import; a version 2 file with highlights is refused by name.
      const v2 = { ...file, version: 2, highlights: undefined };
      expect(await importReaderData(target, parseReaderExport(v2))).toMatchObject({ highlights: 0 });
      expect(() => parseReaderExport({ ...file, version: 2 })).toThrow('highlights: version 2 files have no highlights (use version 3)');
      // A highlight on a review this site does not have is refused by field.
      const elsewhere = { ...file, highlights: [{ ...(file.highlights[0] as object), review: 'papers/y2099/x' }] };
      await expect(importReaderData(target, parseReaderExport(elsewhere))).rejects.toMatchObject({
        status: 400,
        message: expect.stringContaining('highlights.0.review: no review here has the slug "papers/y2099/x"'),
      });
    } finally {
      useAppTestDb(db);
      await fresh.close();
    }
  });

  test('the notebook: notes and highlights grouped by paper in review order, the intro first, a vanished quote kept and flagged', async () => {
    const { db } = getTestDb();
    const reader = await newUser();
    await db.note.create({ data: { userId: reader, paperId: ELSEWHERE, body: 'on the older review' } });
    const dino = await createHighlight(
      reader,
      input({ paperId: 'arxiv:2508.10104', quote: { exact: 'stay sharp', prefix: '', suffix: '' }, position: { start: 300, end: 310 } }),
    );
    const later = await createHighlight(reader, input({ position: { start: 140, end: 150 } }));
    const gone = await createHighlight(
      reader,
      input({ quote: { exact: 'a sentence the author has since deleted', prefix: '', suffix: '' }, note: 'still mine' }),
    );
    const intro = await createHighlight(reader, input({ paperId: null, quote: { exact: 'two papers', prefix: '', suffix: '' } }));
    const samNote = await db.note.create({ data: { userId: reader, paperId: SAM, body: 'a note on SAM' } });
    // Another reader's items never show.
    await createHighlight(await newUser(), input({ paperId: null }));

    const { groups, total } = await listNotebookPage(reader, { page: 1, pageSize: 20 });
    expect(total).toBe(6);
    expect(
      groups.map((g) => ({
        key: g.key,
        highlights: g.highlights.map((h) => [h.id, h.gone, h.href]),
        notes: g.notes.map((n) => n.body),
        counts: [g.highlightCount, g.noteCount],
      })),
    ).toEqual([
      { key: `review:${REVIEW}`, highlights: [[intro.id, false, `/docs/${REVIEW}#hl-${intro.id}`]], notes: [], counts: [1, 0] },
      {
        key: SAM,
        highlights: [
          [gone.id, true, `/docs/${REVIEW}#hl-${gone.id}`],
          [later.id, false, `/docs/${REVIEW}#hl-${later.id}`],
        ],
        notes: ['a note on SAM'],
        counts: [2, 1],
      },
      { key: 'arxiv:2508.10104', highlights: [[dino.id, false, `/docs/${REVIEW}#hl-${dino.id}`]], notes: [], counts: [1, 0] },
      { key: ELSEWHERE, highlights: [], notes: ['on the older review'], counts: [0, 1] },
    ]);
    expect(groups[0]!.review).toMatchObject({ slug: REVIEW, title: 'Weekly review, Nov 21' });
    expect(groups[1]!.highlights[0]).toMatchObject({ note: 'still mine', quoteExact: 'a sentence the author has since deleted' });

    // Paged by item: a group running over a page boundary says it continues.
    const second = await listNotebookPage(reader, { page: 2, pageSize: 2 });
    expect(second.groups.map((g) => [g.key, g.continued, g.highlights.length + g.notes.length])).toEqual([[SAM, true, 2]]);
    expect(second.groups[0]!.notes.map((n) => n.id)).toEqual([samNote.id]);
  });

  test('Readwise CSV parses with a CSV parser and has Readwise’s columns', async () => {
    const reader = await newUser();
    const h = await createHighlight(reader, input({ note: 'A note, with "quotes"\nand a second line' }));
    await createHighlight(
      reader,
      input({ paperId: null, quote: { exact: 'two papers', prefix: '', suffix: '' }, position: { start: 16, end: 26 } }),
    );
    const csv = readwiseCsv((await readReaderData(reader)).highlights);
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...READWISE_COLUMNS]);
    expect(READWISE_COLUMNS).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']);
    expect(rows).toEqual([
      {
        Highlight: 'two papers',
        Title: 'Weekly review, Nov 21',
        Author: siteConfig.name,
        URL: `${site}/docs/${REVIEW}`,
        Note: '',
        Location: '16',
        Date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      },
      {
        Highlight: 'whole objects',
        Title: 'SAM 3D',
        Author: siteConfig.name,
        URL: `${site}/docs/${REVIEW}#1-sam-3d-meta`,
        Note: 'A note, with "quotes"\nand a second line',
        Location: '120',
        Date: h.createdAt.toISOString().slice(0, 19).replace('T', ' '),
      },
    ]);
  });
});

test('the limit is 5,000', () => expect(MAX_HIGHLIGHTS).toBe(5_000));

test('the server tells a quote still in the review from one that is gone, whitespace aside', () => {
  expect(quoteInReview(REVIEW, 'whole objects')).toBe(true);
  // Across a paragraph break and Markdown emphasis, as the page's text has it.
  expect(quoteInReview(REVIEW, 'even when they are partly hidden.\n\nThe geometry')).toBe(true);
  expect(quoteInReview(REVIEW, 'reconstructs whole   objects')).toBe(true);
  expect(quoteInReview(REVIEW, 'a sentence the author deleted')).toBe(false);
  expect(quoteInReview('papers/y2025/nov/gone', 'whole objects')).toBe(false);
  expect(quoteInReview('../../etc/passwd', 'root')).toBe(false);
});
