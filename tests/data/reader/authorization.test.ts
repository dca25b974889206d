import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import * as bookmarks from '@/lib/reader/bookmarks';
import * as collections from '@/lib/reader/collections';
import * as library from '@/lib/reader/library';
import * as notes from '@/lib/reader/notes';
import * as noteSearch from '@/lib/reader/note-search';
import * as readingStatus from '@/lib/reader/reading-status';
import * as account from '@/lib/auth/account';
import * as passwordReset from '@/lib/auth/password-reset';
import * as sessionVersion from '@/lib/auth/session-version';
import * as users from '@/lib/auth/users';
import { describeEachBackend } from '@/tests/support/db';
import { mailsTo, receivedMails, startMailCatcher, type MailCatcher } from '@/tests/support/smtp';

/** Exported functions that touch no reader data (pure helpers), so they need no row in the matrix. */
const PURE = new Set(['normalizeEmail', 'parseCollectionName']);
const modules = { bookmarks, collections, library, notes, noteSearch, readingStatus, users, account, passwordReset, sessionVersion };

// A reset link is a mail: a real local SMTP server receives it, so the matrix can say whose inbox it reached.
let smtp: MailCatcher;
beforeAll(async () => {
  smtp = await startMailCatcher();
  vi.stubEnv('SMTP_URL', smtp.url);
  vi.stubEnv('MAIL_FROM', 'Papers Review <no-reply@papers.example>');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.stop();
});

function exportedDataFunctions(): string[] {
  return Object.entries(modules).flatMap(([moduleName, mod]) =>
    Object.entries(mod)
      .filter(
        ([name, value]) => typeof value === 'function' && !/^class\b/.test(Function.prototype.toString.call(value)) && !PURE.has(name),
      )
      .map(([name]) => `${moduleName}.${name}`),
  );
}

interface Fixture {
  a: string; // the victim
  b: string; // the caller
  aEmail: string;
  bEmail: string;
  aNoteIds: string[];
  aKey: string; // the Idempotency-Key A created a note with
  papers: string[]; // A's papers
  aCollectionId: string; // A's collection, holding both papers
}

/** Every call user B can make with A's note ids / paper ids, and what B must get back. */
const MATRIX: { fn: string; name: string; run: (f: Fixture) => Promise<unknown>; expected: (f: Fixture) => unknown }[] = [
  // Reads: B sees nothing of A's.
  {
    fn: 'bookmarks.listBookmarks',
    name: 'all',
    run: (f) => bookmarks.listBookmarks(f.b, { page: 1, pageSize: 100 }),
    expected: () => ({ items: [], total: 0 }),
  },
  {
    fn: 'bookmarks.listBookmarks',
    name: 'READ filter',
    run: (f) => bookmarks.listBookmarks(f.b, { page: 1, pageSize: 100, status: 'READ' }),
    expected: () => ({ items: [], total: 0 }),
  },
  {
    fn: 'bookmarks.readerPaperStates',
    name: '',
    run: (f) => bookmarks.readerPaperStates(f.b),
    expected: () => ({ bookmarks: [], statuses: {}, noteCounts: {} }),
  },
  {
    fn: 'notes.listNotesForPaper',
    name: "A's paper",
    run: (f) => notes.listNotesForPaper(f.b, f.papers[0]!),
    expected: () => ({ notes: [], earlier: null }),
  },
  {
    fn: 'notes.listNotesPage',
    name: '',
    run: (f) => notes.listNotesPage(f.b, { page: 1, pageSize: 100 }),
    expected: () => ({ groups: [], total: 0 }),
  },
  {
    fn: 'noteSearch.searchNotes',
    name: "A's words",
    run: (f) => noteSearch.searchNotes(f.b, 'first note'),
    expected: () => ({ hits: [], searched: 0, total: 0 }),
  },
  {
    fn: 'collections.listCollections',
    name: 'all',
    run: (f) => collections.listCollections(f.b),
    expected: () => [],
  },
  {
    fn: 'collections.listCollections',
    name: "asking about A's paper",
    run: (f) => collections.listCollections(f.b, { paperId: f.papers[0]! }),
    expected: () => [],
  },
  {
    fn: 'library.listLibrary',
    name: 'all',
    run: (f) => library.listLibrary(f.b, {}, 'all'),
    expected: () => ({ items: [], total: 0 }),
  },
  {
    fn: 'library.listLibrary',
    name: "filtered on A's collection",
    run: (f) => library.listLibrary(f.b, { collection: f.aCollectionId, status: 'READ' }, { page: 1, pageSize: 20 }),
    expected: () => ({ items: [], total: 0 }),
  },
  {
    fn: 'library.loadLibraryPage',
    name: "filtered on A's collection",
    run: async (f) =>
      library.loadLibraryPage(
        { userId: f.b, sessionVersion: (await sessionVersion.sessionVersionOf(f.b))! },
        { collection: f.aCollectionId },
        1,
        20,
      ),
    expected: () => expect.objectContaining({ items: [], total: 0, collections: [] }),
  },
  // Writes by collection id: exactly what a missing collection gives.
  {
    fn: 'collections.renameCollection',
    name: "A's collection",
    run: (f) => collections.renameCollection(f.b, f.aCollectionId, 'hijacked'),
    expected: () => null,
  },
  {
    fn: 'collections.renameCollection',
    name: 'missing collection (same answer)',
    run: (f) => collections.renameCollection(f.b, 'cmissingcollection0000000', 'hijacked'),
    expected: () => null,
  },
  {
    fn: 'collections.deleteCollection',
    name: "A's collection",
    run: (f) => collections.deleteCollection(f.b, f.aCollectionId),
    expected: () => false,
  },
  {
    fn: 'collections.setCollectionPaper',
    name: "add to A's collection",
    run: (f) => collections.setCollectionPaper(f.b, f.aCollectionId, 'y2025/nov/three', true),
    expected: () => null,
  },
  {
    fn: 'collections.setCollectionPaper',
    name: "take out of A's collection",
    run: (f) => collections.setCollectionPaper(f.b, f.aCollectionId, f.papers[0]!, false),
    expected: () => null,
  },
  {
    fn: 'collections.createCollection',
    name: "A's collection's name (B's own, not A's)",
    run: (f) => collections.createCollection(f.b, 'Alice list'),
    expected: () => expect.objectContaining({ name: 'Alice list', paperCount: 0 }),
  },
  // Writes by note id: exactly what a missing note gives.
  { fn: 'notes.updateNote', name: "A's note", run: (f) => notes.updateNote(f.b, f.aNoteIds[0]!, 'hijacked'), expected: () => null },
  {
    fn: 'notes.updateNote',
    name: 'missing note (same answer)',
    run: (f) => notes.updateNote(f.b, 'missing-note-id', 'hijacked'),
    expected: () => null,
  },
  { fn: 'notes.deleteNote', name: "A's note", run: (f) => notes.deleteNote(f.b, f.aNoteIds[1]!), expected: () => false },
  {
    fn: 'notes.deleteNote',
    name: 'missing note (same answer)',
    run: (f) => notes.deleteNote(f.b, 'missing-note-id'),
    expected: () => false,
  },
  // Writes by paper id: B's own rows change, never A's.
  {
    fn: 'bookmarks.setBookmark',
    name: "clear on A's paper",
    run: (f) => bookmarks.setBookmark(f.b, f.papers[0]!, false),
    expected: (f) => ({ paperId: f.papers[0], bookmarked: false, changedAt: expect.any(Date) }),
  },
  {
    fn: 'bookmarks.setBookmark',
    name: "set on A's paper",
    run: (f) => bookmarks.setBookmark(f.b, f.papers[1]!, true),
    expected: (f) => ({ paperId: f.papers[1], bookmarked: true, changedAt: expect.any(Date) }),
  },
  {
    fn: 'bookmarks.setBookmarkInSession',
    name: "clear on A's paper, B's current session",
    run: async (f) =>
      bookmarks.setBookmarkInSession({ userId: f.b, sessionVersion: (await sessionVersion.sessionVersionOf(f.b))! }, f.papers[0]!, false),
    expected: (f) => ({ paperId: f.papers[0], bookmarked: false, changedAt: expect.any(Date) }),
  },
  {
    fn: 'bookmarks.setBookmarkInSession',
    name: "set on A's paper, B's current session",
    run: async (f) =>
      bookmarks.setBookmarkInSession({ userId: f.b, sessionVersion: (await sessionVersion.sessionVersionOf(f.b))! }, f.papers[1]!, true),
    expected: (f) => ({ paperId: f.papers[1], bookmarked: true, changedAt: expect.any(Date) }),
  },
  {
    fn: 'readingStatus.setReadingStatus',
    name: "clear on A's paper",
    run: (f) => readingStatus.setReadingStatus(f.b, f.papers[0]!, null),
    expected: () => null,
  },
  {
    fn: 'readingStatus.setReadingStatus',
    name: "set on A's paper",
    run: (f) => readingStatus.setReadingStatus(f.b, f.papers[1]!, 'TO_READ'),
    expected: () => 'TO_READ',
  },
  {
    fn: 'notes.createNote',
    name: "on A's paper",
    run: (f) => notes.createNote(f.b, f.papers[0]!, 'B writes here'),
    expected: (f) => expect.objectContaining({ paperId: f.papers[0], body: 'B writes here' }),
  },
  {
    fn: 'notes.createNote',
    name: "with A's idempotency key (B's own new note, not A's)",
    run: async (f) => {
      const note = await notes.createNote(f.b, f.papers[0]!, 'B replays a key', f.aKey);
      return { ...note, isAs: f.aNoteIds.includes(note.id) };
    },
    expected: (f) => expect.objectContaining({ paperId: f.papers[0], body: 'B replays a key', isAs: false }),
  },
  // Accounts: A's email with B's password, a made-up id, a sign-up on A's email.
  {
    fn: 'users.verifyPassword',
    name: "A's email, B's password",
    run: (f) => users.verifyPassword(f.aEmail, 'password-of-b'),
    expected: () => null,
  },
  { fn: 'users.deleteUser', name: 'unknown id', run: () => users.deleteUser('not-a-user'), expected: () => false },
  {
    fn: 'users.createUserWithPassword',
    name: "A's email",
    run: (f) => users.createUserWithPassword({ email: f.aEmail.toUpperCase(), password: 'takeover' }).catch((error: unknown) => error),
    expected: () => expect.any(users.EmailTakenError),
  },
  // Account management: B acts on B's own account (the session's id), with A's secrets or A's address.
  {
    fn: 'users.changePassword',
    name: "A's password as the current one",
    run: (f) => users.changePassword(f.b, 'password-of-a', 'hijacked password'),
    expected: () => null,
  },
  {
    fn: 'users.changeEmail',
    name: "to A's email",
    run: (f) => users.changeEmail(f.b, 'password-of-b', f.aEmail.toUpperCase()).catch((error: unknown) => error),
    expected: () => expect.any(users.EmailTakenError),
  },
  {
    fn: 'users.accountSummary',
    name: "B's own",
    run: (f) => users.accountSummary(f.b),
    expected: (f) => ({ email: f.bEmail, hasPassword: true }),
  },
  {
    fn: 'account.changePassword',
    name: "A's password as the current one",
    run: (f) =>
      account
        .changePassword(
          { id: f.b, email: f.bEmail, name: null },
          { currentPassword: 'password-of-a', newPassword: 'hijacked password' },
          null,
        )
        .catch((error: unknown) => error),
    expected: () => expect.any(account.WrongPasswordError),
  },
  {
    fn: 'account.changeEmail',
    name: "to A's email",
    run: (f) =>
      account
        .changeEmail({ id: f.b, email: f.bEmail, name: null }, { email: f.aEmail, currentPassword: 'password-of-b' }, null)
        .catch((error: unknown) => error),
    expected: () => expect.any(users.EmailTakenError),
  },
  {
    fn: 'passwordReset.sendPasswordReset',
    name: "for A's email: the link goes to A's inbox only",
    run: async (f) => {
      const before = receivedMails(smtp.dir).length;
      const sent = await passwordReset.sendPasswordReset(f.aEmail, (token) => `https://papers.example/reset-password/${token}`);
      return {
        sent,
        recipients: receivedMails(smtp.dir)
          .slice(before)
          .map((mail) => mail.to),
        toA: mailsTo(smtp.dir, f.aEmail).length > 0,
      };
    },
    expected: (f) => ({ sent: 'sent', recipients: [f.aEmail], toA: true }),
  },
  {
    fn: 'passwordReset.resetPassword',
    name: 'a made-up token',
    run: () => passwordReset.resetPassword('A'.repeat(43), 'hijacked password'),
    expected: () => null,
  },
  {
    fn: 'passwordReset.resetTokenUsable',
    name: 'a made-up token',
    run: () => passwordReset.resetTokenUsable('A'.repeat(43)),
    expected: () => false,
  },
  {
    fn: 'sessionVersion.sessionVersionOf',
    name: "B's own",
    run: (f) => sessionVersion.sessionVersionOf(f.b),
    expected: () => expect.any(Number),
  },
  { fn: 'sessionVersion.endAllSessions', name: "B's own", run: (f) => sessionVersion.endAllSessions(f.b), expected: () => true },
  {
    fn: 'sessionVersion.endSessionsIssuedWith',
    name: "B's own, an old version",
    run: (f) => sessionVersion.endSessionsIssuedWith(f.b, -1),
    expected: () => false,
  },
];

test('the matrix covers every exported read and write', () => {
  expect([...new Set(MATRIX.map((row) => row.fn))].sort()).toEqual(exportedDataFunctions().sort());
});

describeEachBackend('authorization', (getTestDb) => {
  let f: Fixture;
  beforeAll(async () => {
    const a = await users.createUserWithPassword({ email: 'alice@example.com', password: 'password-of-a' });
    const b = await users.createUserWithPassword({ email: 'bob@example.com', password: 'password-of-b' });
    const papers = ['y2025/nov/one', 'y2025/nov/two'];
    for (const paperId of papers) await bookmarks.setBookmark(a.id, paperId, true);
    await readingStatus.setReadingStatus(a.id, papers[0]!, 'READING');
    await readingStatus.setReadingStatus(a.id, papers[1]!, 'READ');
    const aKey = 'alice-idempotency-key-0001';
    const aNotes = [
      await notes.createNote(a.id, papers[0]!, "A's first note", aKey),
      await notes.createNote(a.id, papers[0]!, "A's second note"),
      await notes.createNote(a.id, papers[1]!, "A's note on two"),
    ];
    const list = await collections.createCollection(a.id, 'Alice list');
    for (const paperId of papers) await collections.setCollectionPaper(a.id, list.id, paperId, true);
    f = {
      a: a.id,
      b: b.id,
      aEmail: a.email,
      bEmail: b.email,
      aNoteIds: aNotes.map((note) => note.id),
      aKey,
      papers,
      aCollectionId: list.id,
    };
  });

  /** Every row of A's, in full. */
  async function rowsOfA() {
    const { db } = getTestDb();
    const where = { userId: f.a };
    return {
      user: await db.user.findUnique({ where: { id: f.a } }),
      bookmarks: await db.bookmark.findMany({ where, orderBy: { id: 'asc' } }),
      statuses: await db.readingStatus.findMany({ where, orderBy: { paperId: 'asc' } }),
      notes: await db.note.findMany({ where, orderBy: { id: 'asc' } }),
      collections: await db.collection.findMany({ where, orderBy: { id: 'asc' } }),
      collectionPapers: await db.collectionPaper.findMany({ where, orderBy: { paperId: 'asc' } }),
    };
  }

  test.each(MATRIX.map((row) => [`${row.fn} ${row.name}`.trim(), row] as const))(
    '%s: B gets nothing of A and A is unchanged',
    async (_, row) => {
      const before = await rowsOfA();
      expect(before.bookmarks).toHaveLength(2);
      expect(before.statuses).toHaveLength(2);
      expect(before.notes).toHaveLength(3);
      expect(before.collectionPapers).toHaveLength(2);

      expect(await row.run(f)).toEqual(row.expected(f));
      expect(await rowsOfA()).toEqual(before);

      // Undo B's own writes so every row starts from "B has nothing".
      const { db } = getTestDb();
      await Promise.all([
        db.bookmark.deleteMany({ where: { userId: f.b } }),
        db.readingStatus.deleteMany({ where: { userId: f.b } }),
        db.note.deleteMany({ where: { userId: f.b } }),
        db.collection.deleteMany({ where: { userId: f.b } }),
      ]);
    },
  );

  test("A's own calls still see A's data (the matrix is not vacuous)", async () => {
    expect((await bookmarks.listBookmarks(f.a, { page: 1, pageSize: 100 })).total).toBe(2);
    expect((await notes.listNotesPage(f.a, { page: 1, pageSize: 100 })).total).toBe(3);
    expect(
      (await noteSearch.searchNotes(f.a, 'first note')).hits.map((hit) => (hit.kind === 'note' ? hit.noteId : hit.highlightId)),
    ).toEqual([f.aNoteIds[0]]);
    expect((await notes.createNote(f.a, f.papers[0]!, 'a retry', f.aKey)).id).toBe(f.aNoteIds[0]);
    expect(await notes.updateNote(f.a, f.aNoteIds[0]!, "A's first note")).not.toBeNull();
    expect((await users.verifyPassword(f.aEmail, 'password-of-a'))?.id).toBe(f.a);
    expect(await collections.listCollections(f.a, { paperId: f.papers[0]! })).toEqual([
      expect.objectContaining({ id: f.aCollectionId, paperCount: 2, contains: true }),
    ]);
    expect(await collections.renameCollection(f.a, f.aCollectionId, 'Alice list')).toMatchObject({ name: 'Alice list' });
    expect((await library.listLibrary(f.a, { collection: f.aCollectionId }, 'all')).total).toBe(2);
  });
});
