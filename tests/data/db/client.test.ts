import { expect, test } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { describeEachBackend } from '@/tests/support/db';

// The Prisma client through each driver adapter (pglite-prisma-adapter with
// @prisma/client 7.10, and @prisma/adapter-pg): the behaviours the app's data
// code will lean on.
describeEachBackend('prisma client', (getTestDb) => {
  test('creates a user with bookmarks, statuses and notes, and reads them back', async () => {
    const { db } = getTestDb();
    const user = await db.user.create({
      data: {
        email: 'reader@example.com',
        passwordHash: 'x',
        bookmarks: { create: [{ paperId: 'y2025/nov/20251121' }] },
        readingStatuses: { create: [{ paperId: 'y2025/nov/20251121', status: 'READING' }] },
        notes: { create: [{ paperId: 'y2025/nov/20251121', body: 'Good paper.' }] },
      },
      include: { bookmarks: true, readingStatuses: true, notes: true },
    });
    expect(user.id).toMatch(/^c[a-z0-9]{20,}$/); // cuid(), made by the client
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(user.bookmarks).toHaveLength(1);
    expect(user.readingStatuses[0]?.status).toBe('READING');
    expect(user.notes[0]?.body).toBe('Good paper.');
  });

  test('a duplicate bookmark is a P2002 unique violation', async () => {
    const { db } = getTestDb();
    const user = await db.user.create({ data: { email: 'dup@example.com' } });
    await db.bookmark.create({ data: { userId: user.id, paperId: 'p' } });
    const duplicate = db.bookmark.create({ data: { userId: user.id, paperId: 'p' } });
    await expect(duplicate).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(duplicate).rejects.toMatchObject({ code: 'P2002' });
  });

  test('upserting a reading status bumps updatedAt; deleting the user cascades', async () => {
    const { db } = getTestDb();
    const user = await db.user.create({ data: { email: 'cascade@example.com' } });
    const key = { userId_paperId: { userId: user.id, paperId: 'p' } };
    const first = await db.readingStatus.upsert({ where: key, create: { userId: user.id, paperId: 'p', status: 'TO_READ' }, update: {} });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await db.readingStatus.upsert({
      where: key,
      create: { userId: user.id, paperId: 'p', status: 'TO_READ' },
      update: { status: 'READ' },
    });
    expect(second.status).toBe('READ');
    expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());

    await db.bookmark.create({ data: { userId: user.id, paperId: 'p' } });
    await db.note.create({ data: { userId: user.id, paperId: 'p', body: 'n' } });
    await db.account.create({ data: { userId: user.id, type: 'oauth', provider: 'github', providerAccountId: '1' } });
    await db.session.create({ data: { userId: user.id, sessionToken: 't', expires: new Date(Date.now() + 60_000) } });
    await db.user.delete({ where: { id: user.id } });
    const where = { userId: user.id };
    expect(
      await Promise.all([
        db.bookmark.count({ where }),
        db.readingStatus.count({ where }),
        db.note.count({ where }),
        db.account.count({ where }),
        db.session.count({ where }),
      ]),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  test('interactive transactions commit, and roll back on error', async () => {
    const { db } = getTestDb();
    await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { key: 'ip:1', count: 1, windowStart: new Date() } });
      await tx.loginAttempt.update({ where: { key: 'ip:1' }, data: { count: { increment: 1 } } });
    });
    await expect(
      db.$transaction(async (tx) => {
        await tx.loginAttempt.update({ where: { key: 'ip:1' }, data: { count: { increment: 10 } } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await db.loginAttempt.findUnique({ where: { key: 'ip:1' } }))?.count).toBe(2);
  });

  test('DateTime values round-trip with millisecond precision in UTC', async () => {
    const { db } = getTestDb();
    const windowStart = new Date('2026-11-22T12:34:56.789Z');
    await db.loginAttempt.create({ data: { key: 'account:t@example.com', count: 1, windowStart } });
    expect((await db.loginAttempt.findUnique({ where: { key: 'account:t@example.com' } }))?.windowStart.toISOString()).toBe(
      windowStart.toISOString(),
    );
  });
});
