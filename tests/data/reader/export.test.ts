import { performance } from 'node:perf_hooks';
import type * as nextAuth from 'next-auth';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { getContentIndex } from '@/lib/content/index/content-index';
import { toBibtex } from '@/lib/reader/export/bibtex';
import { toMarkdown } from '@/lib/reader/export/markdown';
import {
  gatherExportPapers,
  importReaderData,
  ImportValidationError,
  parseReaderExport,
  readerDataJsonChunks,
  readReaderData,
  UnknownPapersError,
} from '@/lib/reader/export/reader-data';
import { useAppTestDb } from '@/tests/support/app-db';
import { writeContent } from '@/tests/support/content';
import { createTestDb, describeEachBackend, userFactory } from '@/tests/support/db';
import { siteConfig } from '@/lib/config/site';

// siteConfig is read once at import; the review links are absolute on this origin.
const site = siteConfig.url.replace(/\/+$/, '');

// The routes read the session through NextAuth's getServerSession (lib/auth/session.ts);
// here the signed-in reader is whoever the test says.
const session = vi.hoisted(() => ({ user: null as { id: string; email: string | null; name: string | null } | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof nextAuth>()),
  getServerSession: () => Promise.resolve(session.user ? { user: session.user, expires: '2100-01-01T00:00:00.000Z' } : null),
}));

// 50 reviews × 100 arXiv papers = 5,000 known papers, plus one without an arXiv id.
const PAPERS = 5_000;
const arxivIdOf = (i: number) => `2510.${String(10_000 + i)}`;
const paperIdOf = (i: number) => `arxiv:${arxivIdOf(i)}`;
const NO_ARXIV = 'papers/y2025/r00#101-search-self-play';

function contentFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let r = 0; r < PAPERS / 100; r++) {
    const lines = ['---', `title: Review ${r}`, `date: 2025-10-${String((r % 28) + 1).padStart(2, '0')}`, '---', ''];
    for (let p = 0; p < 100; p++) {
      const i = r * 100 + p;
      lines.push(`## ${p + 1}. [Paper ${i}](https://arxiv.org/abs/${arxivIdOf(i)}) \`org${i % 7}\``, '');
    }
    if (r === 0) lines.push('## 101. Search Self-Play', '');
    files[`papers/y2025/r${String(r).padStart(2, '0')}.md`] = lines.join('\n');
  }
  return files;
}

beforeAll(() => {
  vi.stubEnv('CONTENT_DIR', writeContent(contentFiles()));
  // Parsed once here, so the timed export below measures the export, not the content parser.
  const index = getContentIndex();
  expect(index.byPaperId.size).toBe(PAPERS + 1);
  expect(index.byPaperId.has(NO_ARXIV)).toBe(true);
}, 120_000);
afterAll(() => vi.unstubAllEnvs());

const jsonText = (data: Awaited<ReturnType<typeof readReaderData>>, at = new Date()) => [...readerDataJsonChunks(data, at)].join('');

describeEachBackend('export and import', (getTestDb, backend) => {
  const newUser = userFactory(getTestDb, 'export');

  test('5,000 bookmarks and notes: Markdown, BibTeX and JSON contain every item and only this reader’s', async () => {
    const { db } = getTestDb();
    const [reader, other] = [await newUser(), await newUser()];
    const base = Date.UTC(2025, 0, 1);
    await db.bookmark.createMany({
      data: Array.from({ length: PAPERS }, (_, i) => ({ userId: reader, paperId: paperIdOf(i), createdAt: new Date(base + i * 60_000) })),
    });
    await db.note.createMany({
      data: Array.from({ length: PAPERS }, (_, i) => ({
        userId: reader,
        paperId: paperIdOf(i),
        body: `Note **${i}**`,
        createdAt: new Date(base + i * 60_000),
      })),
    });
    await db.readingStatus.createMany({
      data: Array.from({ length: 1_000 }, (_, i) => ({ userId: reader, paperId: paperIdOf(i), status: 'READ' as const })),
    });
    // Another reader on the same papers, plus one paper only they bookmarked.
    await db.bookmark.createMany({
      data: [
        { userId: other, paperId: paperIdOf(0) },
        { userId: other, paperId: NO_ARXIV },
      ],
    });
    await db.note.createMany({ data: [{ userId: other, paperId: paperIdOf(0), body: 'OTHER READER SECRET' }] });
    await db.readingStatus.createMany({ data: [{ userId: other, paperId: paperIdOf(4_999), status: 'READING' }] });

    // Each format as the route serves it: one gathering, then the formatter. Printed, never asserted.
    const timed = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
      const started = performance.now();
      const value = await fn();
      return [value, performance.now() - started];
    };
    const [papers, gatherMs] = await timed(() => gatherExportPapers(reader));
    const [markdown, markdownMs] = await timed(() => toMarkdown(papers, new Date()));
    const [bibtex, bibtexMs] = await timed(() => toBibtex(papers));
    const [json, jsonMs] = await timed(async () => jsonText(await readReaderData(reader)));
    console.log(
      `[export ${backend}] 5,000 bookmarks + 5,000 notes: gather ${gatherMs.toFixed(0)} ms, ` +
        `Markdown +${markdownMs.toFixed(0)} ms (${markdown.length} chars), BibTeX +${bibtexMs.toFixed(0)} ms, JSON (read + format) ${jsonMs.toFixed(0)} ms`,
    );

    expect(papers).toHaveLength(PAPERS);
    expect(papers[0]).toMatchObject({ paperId: paperIdOf(PAPERS - 1), status: null }); // newest bookmark first
    expect(markdown.match(/^## /gm)).toHaveLength(PAPERS);
    expect(markdown.match(/^#### /gm)).toHaveLength(PAPERS);
    expect(markdown.match(/^- Status: Read$/gm)).toHaveLength(1_000);
    expect(markdown).toContain(`(${site}/docs/papers/y2025/r00#1-paper-0-org0)`);
    expect(bibtex.match(/^@misc\{arxiv2510_1\d{4},$/gm)).toHaveLength(PAPERS);
    const parsed = JSON.parse(json) as { bookmarks: unknown[]; statuses: unknown[]; notes: unknown[] };
    expect([parsed.bookmarks.length, parsed.statuses.length, parsed.notes.length]).toEqual([PAPERS, 1_000, PAPERS]);

    for (const text of [markdown, bibtex, json]) {
      expect(text).not.toContain('OTHER READER SECRET');
      expect(text).not.toContain('Search Self-Play');
      expect(text).not.toContain('Reading');
    }
    expect(await gatherExportPapers(other)).toMatchObject([
      { paperId: NO_ARXIV },
      { paperId: paperIdOf(0), notes: [{ body: 'OTHER READER SECRET' }] },
    ]);
  });

  test('a selection exports those papers in order with their notes; unknown ids are refused', async () => {
    const { db } = getTestDb();
    const reader = await newUser();
    await db.bookmark.createMany({
      data: [
        { userId: reader, paperId: paperIdOf(1) },
        { userId: reader, paperId: 'papers/removed#1-gone' },
      ],
    });
    await db.note.createMany({ data: [{ userId: reader, paperId: NO_ARXIV, body: 'not bookmarked, still selectable' }] });
    const papers = await gatherExportPapers(reader, [NO_ARXIV, 'papers/removed#1-gone', NO_ARXIV]);
    expect(papers.map((p) => [p.paperId, p.reviewUrl, p.notes.length])).toEqual([
      [NO_ARXIV, `${site}/docs/papers/y2025/r00#101-search-self-play`, 1],
      ['papers/removed#1-gone', null, 0],
    ]);
    expect(toBibtex(papers)).toBe(
      '% Papers without an arXiv id (no BibTeX entry):\n' +
        `%   Search Self-Play: ${site}/docs/papers/y2025/r00#101-search-self-play\n` +
        '%   papers/removed#1-gone: papers/removed#1-gone (no longer in any review)\n\n',
    );
    await expect(gatherExportPapers(reader, [paperIdOf(1), 'arxiv:9999.99999'])).rejects.toThrow(UnknownPapersError);
  });

  test('JSON round trip into another database restores every field exactly; a second import adds nothing', async () => {
    const { db } = getTestDb();
    const a = await newUser();
    await db.bookmark.createMany({
      data: [
        { userId: a, paperId: paperIdOf(10), createdAt: new Date('2025-03-01T10:00:00.123Z') },
        { userId: a, paperId: NO_ARXIV, createdAt: new Date('2025-03-02T11:22:33.456Z') },
      ],
    });
    await db.readingStatus.createMany({
      data: [
        { userId: a, paperId: paperIdOf(10), status: 'READING', updatedAt: new Date('2025-03-05T00:00:00.001Z') },
        { userId: a, paperId: paperIdOf(11), status: 'TO_READ', updatedAt: new Date('2025-03-06T00:00:00.002Z') },
      ],
    });
    await db.note.createMany({
      data: [
        {
          userId: a,
          paperId: paperIdOf(10),
          body: '# Heading\n\n```ts\nconst x = "é ✓ 🙂";\n```\n',
          createdAt: new Date('2025-03-01T12:00:00.007Z'),
          updatedAt: new Date('2025-03-09T08:00:00.008Z'),
        },
        // Two notes with the same text and time are two notes, restored as two.
        {
          userId: a,
          paperId: NO_ARXIV,
          body: 'same',
          createdAt: new Date('2025-03-02T12:00:00.000Z'),
          updatedAt: new Date('2025-03-02T12:00:00.000Z'),
        },
        {
          userId: a,
          paperId: NO_ARXIV,
          body: 'same',
          createdAt: new Date('2025-03-02T12:00:00.000Z'),
          updatedAt: new Date('2025-03-02T12:00:00.000Z'),
        },
        {
          userId: a,
          paperId: paperIdOf(12),
          body: 'a note without a bookmark',
          createdAt: new Date('2025-03-03T00:00:00.000Z'),
          updatedAt: new Date('2025-03-04T00:00:00.000Z'),
        },
      ],
    });
    // Collections (version 2): one with two papers, one empty; a paper in a collection needs no bookmark.
    const list = await db.collection.create({ data: { userId: a, name: 'To cite 📚', createdAt: new Date('2025-03-07T00:00:00.009Z') } });
    await db.collection.create({ data: { userId: a, name: 'Empty', createdAt: new Date('2025-03-08T00:00:00.000Z') } });
    await db.collectionPaper.createMany({
      data: [
        { collectionId: list.id, userId: a, paperId: paperIdOf(12), createdAt: new Date('2025-03-07T01:00:00.000Z') },
        { collectionId: list.id, userId: a, paperId: paperIdOf(10), createdAt: new Date('2025-03-07T02:00:00.000Z') },
      ],
    });
    const exported = await readReaderData(a);
    expect(exported.collections).toEqual([
      { name: 'Empty', createdAt: new Date('2025-03-08T00:00:00.000Z'), papers: [] },
      {
        name: 'To cite 📚',
        createdAt: new Date('2025-03-07T00:00:00.009Z'),
        papers: [
          { paperId: paperIdOf(12), addedAt: new Date('2025-03-07T01:00:00.000Z') },
          { paperId: paperIdOf(10), addedAt: new Date('2025-03-07T02:00:00.000Z') },
        ],
      },
    ]);
    const file = JSON.parse(jsonText(exported, new Date('2025-04-01T00:00:00.000Z'))) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'papers-review-export', version: 3, exportedAt: '2025-04-01T00:00:00.000Z' });

    const fresh = await createTestDb(backend);
    try {
      useAppTestDb(fresh.db);
      const b = (await fresh.db.user.create({ data: { email: 'import-target@example.com' } })).id;
      expect(await importReaderData(b, parseReaderExport(file))).toEqual({
        bookmarks: 2,
        statuses: 2,
        notes: 4,
        collections: 2,
        collectionPapers: 2,
        highlights: 0,
        skipped: { bookmarks: 0, notes: 0, highlights: 0 },
      });
      expect(await readReaderData(b)).toEqual(exported);

      expect(await importReaderData(b, parseReaderExport(file))).toEqual({
        bookmarks: 0,
        statuses: 2,
        notes: 0,
        collections: 0,
        collectionPapers: 0,
        highlights: 0,
        skipped: { bookmarks: 2, notes: 4, highlights: 0 },
      });
      expect(await readReaderData(b)).toEqual(exported);
      expect(await fresh.db.note.count()).toBe(4);
    } finally {
      useAppTestDb(db);
      await fresh.close();
    }
  });

  test('unknown papers or a bad field: refused with the list or the field, nothing stored', async () => {
    const { db } = getTestDb();
    const b = await newUser();
    const file = {
      format: 'papers-review-export',
      version: 1,
      exportedAt: '2025-04-01T00:00:00.000Z',
      bookmarks: [
        { paperId: paperIdOf(1), createdAt: '2025-03-01T00:00:00.000Z' },
        { paperId: 'arxiv:0000.00001', createdAt: '2025-03-01T00:00:00.000Z' },
      ],
      statuses: [{ paperId: paperIdOf(1), status: 'READ', updatedAt: '2025-03-01T00:00:00.000Z' }],
      notes: [{ paperId: 'papers/nowhere#1-x', body: 'hi', createdAt: '2025-03-01T00:00:00.000Z', updatedAt: '2025-03-01T00:00:00.000Z' }],
    };
    const refused = await importReaderData(b, parseReaderExport(file)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnknownPapersError);
    expect((refused as UnknownPapersError).paperIds).toEqual(['arxiv:0000.00001', 'papers/nowhere#1-x']);
    expect((refused as Error).message).toContain('"arxiv:0000.00001", "papers/nowhere#1-x"');
    expect(await readReaderData(b)).toEqual({ bookmarks: [], statuses: [], notes: [], collections: [], highlights: [] });

    const bad = { ...file, notes: [{ ...file.notes[0], createdAt: 'yesterday' }], statuses: [{ ...file.statuses[0], status: 'DONE' }] };
    expect(() => parseReaderExport(bad)).toThrow(ImportValidationError);
    expect(() => parseReaderExport(bad)).toThrow(/statuses\.0\.status: .*notes\.0\.createdAt: expected an ISO 8601 timestamp/);
    expect(() => parseReaderExport({ ...file, version: 4 })).toThrow(/version: this site reads version 1, 2 and 3 export files/);
    const withList = (name: string, paperIds: string[]) => ({
      name,
      createdAt: '2025-03-01T00:00:00.000Z',
      papers: paperIds.map((paperId) => ({ paperId, addedAt: '2025-03-01T00:00:00.000Z' })),
    });
    expect(() => parseReaderExport({ ...file, collections: [withList('a', [])] })).toThrow(
      /collections: version 1 files have no collections/,
    );
    expect(() => parseReaderExport({ ...file, version: 2, collections: [withList('a', []), withList('a', [])] })).toThrow(
      /collections\.1\.name: duplicate of collections\.0\.name/,
    );
    expect(() => parseReaderExport({ ...file, version: 2, collections: [withList(' ', [])] })).toThrow(
      /collections\.0\.name: Give the collection a name\./,
    );
    const listed = await importReaderData(
      b,
      parseReaderExport({ ...file, version: 2, bookmarks: [], notes: [], collections: [withList('x', ['arxiv:0000.00002'])] }),
    ).catch((error: unknown) => error);
    expect((listed as UnknownPapersError).paperIds).toEqual(['arxiv:0000.00002']);
    expect(await db.collection.count({ where: { userId: b } })).toBe(0);
    expect(() => parseReaderExport({ ...file, bookmarks: [file.bookmarks[0], file.bookmarks[0]] })).toThrow(
      /bookmarks\.1\.paperId: duplicate of bookmarks\.0\.paperId/,
    );
    expect(await db.bookmark.count({ where: { userId: b } })).toBe(0);
  });

  test('routes: 401 signed out, 400 bad format, file download headers, import limits and origin check', async () => {
    const { GET } = await import('@/app/api/export/route');
    const { POST } = await import('@/app/api/import/route');
    const ctx = {} as never;
    const reader = await newUser();

    session.user = null;
    expect((await GET(new Request('http://localhost/api/export?format=md'), ctx)).status).toBe(401);
    session.user = { id: reader, email: null, name: null };
    const badFormat = await GET(new Request('http://localhost/api/export?format=pdf'), ctx);
    expect(badFormat.status).toBe(400);
    expect(await badFormat.json()).toEqual({ error: 'Invalid query: format: expected md, bibtex, json, readwise or notebook' });
    expect(
      (await GET(new Request(`http://localhost/api/export?format=md&ids=${encodeURIComponent('arxiv:9999.99999')}`), ctx)).status,
    ).toBe(400);

    const headers = (init: Record<string, string> = {}) => ({
      host: 'localhost',
      origin: 'http://localhost',
      'content-type': 'application/json',
      ...init,
    });
    const upload = (body: string, init?: Record<string, string>) =>
      POST(new Request('http://localhost/api/import', { method: 'POST', headers: headers(init), body }), ctx);
    const file = {
      format: 'papers-review-export',
      version: 1,
      exportedAt: '2025-04-01T00:00:00.000Z',
      bookmarks: [{ paperId: NO_ARXIV, createdAt: '2025-03-01T00:00:00.000Z' }],
      statuses: [],
      notes: [{ paperId: NO_ARXIV, body: 'x', createdAt: '2025-03-01T00:00:00.000Z', updatedAt: '2025-03-01T00:00:00.000Z' }],
    };
    const imported = await upload(JSON.stringify(file));
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual({
      imported: {
        bookmarks: 1,
        statuses: 0,
        notes: 1,
        collections: 0,
        collectionPapers: 0,
        highlights: 0,
        skipped: { bookmarks: 0, notes: 0, highlights: 0 },
      },
    });
    expect((await upload(' '.repeat(20 * 1024 * 1024 + 1))).status).toBe(413);
    expect((await upload('{')).status).toBe(400);
    const missing = await upload(JSON.stringify({ ...file, notes: undefined }));
    expect(await missing.json()).toEqual({ error: expect.stringMatching(/^Invalid export file: notes: /) });
    expect((await upload(JSON.stringify(file), { origin: 'https://evil.example' })).status).toBe(403);

    for (const [format, type, extension] of [
      ['md', 'text/markdown; charset=utf-8', 'md'],
      ['bibtex', 'application/x-bibtex; charset=utf-8', 'bib'],
      ['json', 'application/json', 'json'],
    ] as const) {
      const response = await GET(new Request(`http://localhost/api/export?format=${format}&ids=${encodeURIComponent(NO_ARXIV)}`), ctx);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="papers-review-bookmarks-\\d{4}-\\d{2}-\\d{2}\\.${extension}"$`),
      );
      expect(response.body).toBeInstanceOf(ReadableStream);
      const text = await response.text();
      if (format === 'json') expect(parseReaderExport(JSON.parse(text)).notes).toHaveLength(1);
      else expect(text).toContain('Search Self-Play');
    }
    session.user = null;
  });
});
