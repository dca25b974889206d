import { expect, test } from 'vitest';
import { setReadingStatus } from '@/lib/reader/reading-status';
import type { ReadingStatusValue } from '@/lib/reader/shared';
import { describeEachBackend, userFactory } from '@/tests/support/db';

describeEachBackend('reading status', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'status');
  const rows = (userId: string) =>
    getTestDb().db.readingStatus.findMany({ where: { userId }, orderBy: { paperId: 'asc' }, select: { paperId: true, status: true } });

  test('set, overwrite and clear', async () => {
    const userId = await newUser();
    expect(await setReadingStatus(userId, 'p', 'TO_READ')).toBe('TO_READ');
    expect(await rows(userId)).toEqual([{ paperId: 'p', status: 'TO_READ' }]);

    const before = (await getTestDb().db.readingStatus.findFirstOrThrow({ where: { userId } })).updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await setReadingStatus(userId, 'p', 'READ')).toBe('READ');
    const after = await getTestDb().db.readingStatus.findFirstOrThrow({ where: { userId } });
    expect(after.status).toBe('READ');
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.getTime());

    expect(await setReadingStatus(userId, 'q', 'READING')).toBe('READING');
    expect(await rows(userId)).toEqual([
      { paperId: 'p', status: 'READ' },
      { paperId: 'q', status: 'READING' },
    ]);

    expect(await setReadingStatus(userId, 'p', null)).toBeNull();
    expect(await rows(userId)).toEqual([{ paperId: 'q', status: 'READING' }]);
    expect(await setReadingStatus(userId, 'p', null)).toBeNull(); // clearing again is a no-op
    expect(await rows(userId)).toEqual([{ paperId: 'q', status: 'READING' }]);
  });

  test('concurrent sets of one paper leave exactly one row', async () => {
    const userId = await newUser();
    const values: ReadingStatusValue[] = ['TO_READ', 'READING', 'READ'];
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => setReadingStatus(userId, 'p', values[i % 3]!)));
    const stored = await rows(userId);
    expect(stored).toHaveLength(1);
    expect(results).toContain(stored[0]!.status);
  });

  test('an unknown status is refused before touching the database', async () => {
    const userId = await newUser();
    await setReadingStatus(userId, 'p', 'READING');
    await expect(setReadingStatus(userId, 'p', 'DONE' as ReadingStatusValue)).rejects.toBeInstanceOf(TypeError);
    await expect(setReadingStatus(userId, 'p', '' as ReadingStatusValue)).rejects.toBeInstanceOf(TypeError);
    expect(await rows(userId)).toEqual([{ paperId: 'p', status: 'READING' }]);
  });
});
