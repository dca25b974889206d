import { expect, test } from 'vitest';
import { createCollection, deleteCollection, listCollections, renameCollection, setCollectionPaper } from '@/lib/reader/collections';
import { setBookmark } from '@/lib/reader/bookmarks';
import { importReaderData, parseReaderExport, readReaderData } from '@/lib/reader/export/reader-data';
import { MAX_COLLECTION_PAPERS, MAX_COLLECTIONS } from '@/lib/reader/shared';
import { describeEachBackend, userFactory } from '@/tests/support/db';

// Thousands of rows on a busy 2-core machine.
const TIMEOUT_MS = 120_000;

describeEachBackend('collections', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'collections');

  test('made, renamed, filled, emptied and deleted; listed by name with counts and "contains"', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    const rl = await createCollection(userId, '  RL papers  ');
    expect(rl).toEqual({ id: expect.stringMatching(/^c[a-z0-9]{24}$/), name: 'RL papers', paperCount: 0, createdAt: expect.any(String) });
    const agents = await createCollection(userId, '에이전트');

    expect(await setCollectionPaper(userId, rl.id, 'p1', true)).toEqual({ collectionId: rl.id, paperId: 'p1', included: true });
    await setCollectionPaper(userId, rl.id, 'p1', true); // repeating is harmless
    await setCollectionPaper(userId, rl.id, 'p2', true);
    await setCollectionPaper(userId, agents.id, 'p1', true);
    expect(await listCollections(userId, { paperId: 'p2' })).toEqual([
      { id: rl.id, name: 'RL papers', paperCount: 2, createdAt: rl.createdAt, contains: true },
      { id: agents.id, name: '에이전트', paperCount: 1, createdAt: agents.createdAt, contains: false },
    ]);

    expect(await renameCollection(userId, rl.id, 'Reinforcement learning')).toMatchObject({
      id: rl.id,
      name: 'Reinforcement learning',
      paperCount: 2,
    });
    await setCollectionPaper(userId, rl.id, 'p1', false);
    expect(await db.collectionPaper.findMany({ where: { collectionId: rl.id }, select: { paperId: true } })).toEqual([{ paperId: 'p2' }]);

    // Deleting a collection takes its list, not the reader's other data.
    await setBookmark(userId, 'p2', true);
    expect(await deleteCollection(userId, rl.id)).toBe(true);
    expect(await deleteCollection(userId, rl.id)).toBe(false);
    expect(await db.collectionPaper.count({ where: { collectionId: rl.id } })).toBe(0);
    expect(await db.bookmark.count({ where: { userId, paperId: 'p2' } })).toBe(1);
    expect((await listCollections(userId)).map((c) => c.name)).toEqual(['에이전트']);
  });

  test('names: unique per reader (409 naming it), trimmed, 1–100 characters, no control characters', async () => {
    const userId = await newUser();
    const other = await newUser();
    const first = await createCollection(userId, 'To cite');
    await expect(createCollection(userId, 'To cite ')).rejects.toMatchObject({
      status: 409,
      message: 'You already have a collection named “To cite”. Pick another name.',
    });
    const second = await createCollection(userId, 'Later');
    await expect(renameCollection(userId, second.id, 'To cite')).rejects.toMatchObject({ status: 409 });
    // Renaming to its own name is fine, and another reader may use the name.
    expect(await renameCollection(userId, first.id, 'To cite')).toMatchObject({ name: 'To cite' });
    expect(await createCollection(other, 'To cite')).toMatchObject({ name: 'To cite' });

    await expect(createCollection(userId, '   ')).rejects.toMatchObject({ status: 400, message: 'Give the collection a name.' });
    await expect(createCollection(userId, 'x'.repeat(101))).rejects.toMatchObject({
      status: 400,
      message: 'A collection name has at most 100 characters.',
    });
    await expect(createCollection(userId, 'a\nb')).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('control characters'),
    });
    await expect(renameCollection(userId, first.id, '\u0000')).rejects.toMatchObject({ status: 400 });
    expect((await listCollections(userId)).map((c) => c.name)).toEqual(['Later', 'To cite']);
  });

  test('an id that is not a collection id, or not the reader’s, is "none" and reaches no query', async () => {
    const userId = await newUser();
    for (const id of ['', 'x', "c' OR 1=1 --", 'c'.padEnd(25, '%')]) {
      expect(await renameCollection(userId, id, 'n')).toBeNull();
      expect(await deleteCollection(userId, id)).toBe(false);
      expect(await setCollectionPaper(userId, id, 'p1', true)).toBeNull();
    }
  });

  test(
    `at most ${MAX_COLLECTIONS} collections and ${MAX_COLLECTION_PAPERS.toLocaleString('en')} memberships per reader; concurrent adds never pass them`,
    async () => {
      const { db } = getTestDb();
      const userId = await newUser();
      await db.collection.createMany({ data: Array.from({ length: MAX_COLLECTIONS - 3 }, (_, i) => ({ userId, name: `c${i}` })) });
      const made = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => createCollection(userId, `late ${i}`)));
      expect(made.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const r of made.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
        expect(r.reason).toMatchObject({
          status: 409,
          message: 'You have 200 collections, the most one account can keep. Delete one to make another.',
        });
      }
      expect(await db.collection.count({ where: { userId } })).toBe(MAX_COLLECTIONS);

      const [target] = await listCollections(userId);
      await db.collectionPaper.createMany({
        data: Array.from({ length: MAX_COLLECTION_PAPERS - 2 }, (_, i) => ({ collectionId: target!.id, userId, paperId: `p${i}` })),
      });
      const added = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => setCollectionPaper(userId, target!.id, `new${i}`, true)));
      expect(added.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect((added.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
        status: 409,
        message: expect.stringMatching(/^You have 5,000 papers in collections .*Take some out of a collection to add more\.$/),
      });
      // A paper already in the collection is not "one more".
      expect(await setCollectionPaper(userId, target!.id, 'p0', true)).toMatchObject({ included: true });
      expect(await db.collectionPaper.count({ where: { userId } })).toBe(MAX_COLLECTION_PAPERS);
    },
    TIMEOUT_MS,
  );

  test('import merges collections by name, skips papers already in them, and refuses a file past the caps whole', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    const mine = await createCollection(userId, 'Shared name');
    await setCollectionPaper(userId, mine.id, 'p1', true);
    const at = '2026-01-02T03:04:05.006Z';
    const file = (collections: { name: string; papers: string[] }[]) =>
      parseReaderExport({
        format: 'papers-review-export',
        version: 2,
        exportedAt: at,
        bookmarks: [],
        statuses: [],
        notes: [],
        collections: collections.map((c) => ({
          name: c.name,
          createdAt: at,
          papers: c.papers.map((paperId) => ({ paperId, addedAt: at })),
        })),
      });
    const anyPaper = () => true;
    expect(
      await importReaderData(
        userId,
        file([
          { name: 'Shared name', papers: ['p1', 'p2'] },
          { name: 'New one', papers: ['p3'] },
        ]),
        anyPaper,
      ),
    ).toMatchObject({ collections: 1, collectionPapers: 2 });
    const data = await readReaderData(userId);
    expect(data.collections.map((c) => [c.name, c.papers.map((p) => p.paperId)])).toEqual([
      ['New one', ['p3']],
      // In the order they were added: p2 keeps the file's (earlier) addedAt, p1 was added just now.
      ['Shared name', ['p2', 'p1']],
    ]);
    expect(data.collections[0]!.createdAt).toEqual(new Date(at));

    // Past the caps: refused whole, with the numbers.
    await db.collection.createMany({ data: Array.from({ length: MAX_COLLECTIONS - 2 }, (_, i) => ({ userId, name: `filler ${i}` })) });
    const tooMany = await importReaderData(userId, file([{ name: 'x', papers: [] }]), anyPaper).catch((error: unknown) => error);
    expect(tooMany).toMatchObject({
      status: 409,
      message: 'Importing this file would give you 201 collections; one account can keep 200. Nothing was imported.',
    });
    expect(await db.collection.count({ where: { userId } })).toBe(MAX_COLLECTIONS);
  });

  test('the database refuses a membership row in another reader’s collection', async () => {
    const { db } = getTestDb();
    const alice = await newUser();
    const bob = await newUser();
    const list = await createCollection(alice, 'mine');
    await expect(db.collectionPaper.create({ data: { collectionId: list.id, userId: bob, paperId: 'p1' } })).rejects.toThrow();
    expect(await db.collectionPaper.count({ where: { collectionId: list.id } })).toBe(0);
  });
});
