import type * as nextAuth from 'next-auth';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { getContentIndex } from '@/lib/content/index/content-index';
import { setBookmark } from '@/lib/reader/bookmarks';
import { endAllSessions, sessionVersionOf } from '@/lib/auth/session-version';
import { formatDate } from '@/lib/content/index/queries';
import { createCollection, listCollections, setCollectionPaper } from '@/lib/reader/collections';
import { listLibrary, loadLibraryPage } from '@/lib/reader/library';
import { createNote } from '@/lib/reader/notes';
import { setReadingStatus } from '@/lib/reader/reading-status';
import type { LibraryFilters } from '@/lib/reader/shared';
import { writeContent } from '@/tests/support/content';
import { describeEachBackend, userFactory } from '@/tests/support/db';

// The export route reads the session through NextAuth's getServerSession; here the reader is whoever the test says.
const session = vi.hoisted(() => ({ user: null as { id: string; email: string | null; name: string | null } | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof nextAuth>()),
  getServerSession: () => Promise.resolve(session.user ? { user: session.user, expires: '2100-01-01T00:00:00.000Z' } : null),
}));

// Two reviews: an older one tagged "rl", a newer one tagged "agents"; orgs in backticks.
const OLD = 'arxiv:2510.00001'; // Zeta, nvidia, 2025-10-03, rl
const NEW = 'arxiv:2511.00002'; // Alpha, google, 2025-11-07, agents
const MID = 'arxiv:2511.00003'; // 베타, nvidia, 2025-11-07, agents
const GONE = 'arxiv:2401.99999'; // in no review any more

beforeAll(() => {
  vi.stubEnv(
    'CONTENT_DIR',
    writeContent({
      'papers/y2025/oct/20251003.md': [
        '---',
        'title: October',
        'date: 2025-10-03',
        'tags: [rl]',
        '---',
        '',
        '## 1. [Zeta](https://arxiv.org/abs/2510.00001) `nvidia`',
        '',
      ].join('\n'),
      'papers/y2025/nov/20251107.md': [
        '---',
        'title: November',
        'date: 2025-11-07',
        'tags: [agents]',
        '---',
        '',
        '## 1. [Alpha](https://arxiv.org/abs/2511.00002) `google`',
        '',
        '## 2. [베타](https://arxiv.org/abs/2511.00003) `nvidia`',
        '',
      ].join('\n'),
    }),
  );
  expect(getContentIndex().byPaperId.size).toBe(3);
});
afterAll(() => vi.unstubAllEnvs());

const ids = async (userId: string, filters: LibraryFilters = {}) =>
  (await listLibrary(userId, filters, 'all')).items.map((item) => item.paperId);

describeEachBackend('library', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'library');

  /** OLD: status only. NEW: bookmarked + note. MID: in a collection only. GONE: bookmarked, review removed. Added in that order. */
  async function reader() {
    const userId = await newUser();
    await setReadingStatus(userId, OLD, 'READ');
    await new Promise((r) => setTimeout(r, 5));
    await setBookmark(userId, NEW, true);
    await createNote(userId, NEW, 'a **note**');
    await new Promise((r) => setTimeout(r, 5));
    const list = await createCollection(userId, 'To cite');
    await setCollectionPaper(userId, list.id, MID, true);
    await new Promise((r) => setTimeout(r, 5));
    await setBookmark(userId, GONE, true);
    return { userId, list };
  }

  test('every paper the reader touched is in it, a status-only paper included, newest first', async () => {
    const { userId, list } = await reader();
    const { items, total } = await listLibrary(userId, {}, { page: 1, pageSize: 20 });
    expect(total).toBe(4);
    expect(items).toEqual([
      { paperId: GONE, addedAt: expect.any(Date), bookmarkedAt: expect.any(Date), status: null, noteCount: 0, collectionIds: [] },
      { paperId: MID, addedAt: expect.any(Date), bookmarkedAt: null, status: null, noteCount: 0, collectionIds: [list.id] },
      { paperId: NEW, addedAt: expect.any(Date), bookmarkedAt: expect.any(Date), status: null, noteCount: 1, collectionIds: [] },
      { paperId: OLD, addedAt: expect.any(Date), bookmarkedAt: null, status: 'READ', noteCount: 0, collectionIds: [] },
    ]);
    expect((await listLibrary(userId, {}, { page: 2, pageSize: 3 })).items.map((i) => i.paperId)).toEqual([OLD]);
  });

  test('filters: status, bookmarked, has notes, org, tag, collection, and several at once', async () => {
    const { userId, list } = await reader();
    expect(await ids(userId, { status: 'READ' })).toEqual([OLD]);
    expect(await ids(userId, { status: 'READING' })).toEqual([]);
    expect(await ids(userId, { bookmarked: true })).toEqual([GONE, NEW]);
    expect(await ids(userId, { notes: true })).toEqual([NEW]);
    expect(await ids(userId, { org: 'nvidia' })).toEqual([MID, OLD]);
    expect(await ids(userId, { org: 'NVIDIA' })).toEqual([MID, OLD]);
    expect(await ids(userId, { tag: 'agents' })).toEqual([MID, NEW]);
    expect(await ids(userId, { tag: 'rl' })).toEqual([OLD]);
    expect(await ids(userId, { collection: list.id })).toEqual([MID]);
    expect(await ids(userId, { org: 'nvidia', tag: 'agents' })).toEqual([MID]);
    expect(await ids(userId, { bookmarked: true, notes: true, org: 'google' })).toEqual([NEW]);
    // Another reader's collection id filters to nothing.
    const other = await reader();
    expect(await ids(userId, { collection: other.list.id })).toEqual([]);
  });

  test('the page read (one statement): the same rows as listLibrary, its collections, only while the session is current', async () => {
    const { userId, list } = await reader();
    const version = (await sessionVersionOf(userId))!;
    for (const filters of [{}, { bookmarked: true }, { sort: 'name' as const }, { collection: list.id }]) {
      const page = await loadLibraryPage({ userId, sessionVersion: version }, filters, 1, 3);
      if (page === 'session-ended') throw new Error('the session should be current');
      const expected = await listLibrary(userId, filters, { page: 1, pageSize: 3 });
      expect(page.items.map((item) => item.paperId)).toEqual(expected.items.map((item) => item.paperId));
      expect(page.total).toBe(expected.total);
      expect(page.items.map((item) => [item.paperId, item.bookmarked, item.noteCount, item.collectionIds])).toEqual(
        expected.items.map((item) => [item.paperId, item.bookmarkedAt !== null, item.noteCount, item.collectionIds]),
      );
      // Dates are the database's, read as UTC (json_agg writes them without a zone).
      expect(page.items.map((item) => item.added)).toEqual(
        expected.items.map((item) => formatDate(item.addedAt.toISOString().slice(0, 10))),
      );
      expect(page.collections).toEqual((await listCollections(userId)).map(({ contains: _, ...c }) => c));
    }
    const first = await loadLibraryPage({ userId, sessionVersion: version }, {}, 1, 20);
    expect(first !== 'session-ended' && first.items.find((item) => item.paperId === GONE)?.paper).toBeNull();
    expect(first !== 'session-ended' && first.items.find((item) => item.paperId === NEW)?.paper?.name).toBeTruthy();
    // An ended session, an old cookie, another account's id: nothing but the verdict.
    expect(await loadLibraryPage({ userId, sessionVersion: version + 1 }, {}, 1, 20)).toBe('session-ended');
    await endAllSessions(userId);
    expect(await loadLibraryPage({ userId, sessionVersion: version }, {}, 1, 20)).toBe('session-ended');
    expect(await loadLibraryPage({ userId: 'no-such-reader', sessionVersion: 0 }, {}, 1, 20)).toBe('session-ended');
  });

  test('sorts: date added (default), review date (newest review first, papers in no review last), name', async () => {
    const { userId } = await reader();
    expect(await ids(userId, { sort: 'added' })).toEqual([GONE, MID, NEW, OLD]);
    expect(await ids(userId, { sort: 'review' })).toEqual([MID, NEW, OLD, GONE]);
    // Korean collation: Hangul before Latin, case and accents ignored; a paper in no review sorts by its id.
    expect(await ids(userId, { sort: 'name' })).toEqual([MID, NEW, GONE, OLD]);
  });

  test('export route: Markdown and BibTeX of what the view shows, the filters in the query; bad filters are a 400 naming them', async () => {
    const { GET } = await import('@/app/api/export/route');
    const ctx = {} as never;
    const { userId, list } = await reader();
    session.user = { id: userId, email: null, name: null };
    try {
      const md = await (await GET(new Request('http://localhost/api/export?format=md&status=READ'), ctx)).text();
      expect(md).toMatch(/^# Papers Review: my library: status Read\n\nExported \d{4}-\d{2}-\d{2} · 1 paper\n/);
      expect(md).toContain('## Zeta');
      expect(md).toContain('- Status: Read');
      expect(md).not.toContain('## Alpha');

      const all = await (await GET(new Request('http://localhost/api/export?format=md&sort=name'), ctx)).text();
      expect([...all.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['베타', 'Alpha', GONE, 'Zeta']);

      const listed = await (await GET(new Request(`http://localhost/api/export?format=md&collection=${list.id}`), ctx)).text();
      expect(listed).toMatch(/^# Papers Review: my library: in “To cite”/);
      expect([...listed.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['베타']);

      const bib = await (await GET(new Request('http://localhost/api/export?format=bibtex&org=nvidia'), ctx)).text();
      expect(bib).toContain('eprint = {2510.00001}');
      expect(bib).toContain('eprint = {2511.00003}');
      expect(bib).not.toContain('2511.00002');

      const bad = await GET(new Request('http://localhost/api/export?format=md&status=DONE&collection=x'), ctx);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/^Invalid query: status: .*collection: Invalid collection id\./);
    } finally {
      session.user = null;
    }
  });
});
