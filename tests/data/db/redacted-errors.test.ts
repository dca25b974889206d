import { inspect } from 'node:util';
import { expect, test } from 'vitest';
import { describeEachBackend } from '@/tests/support/db';

// Finding 12: whatever prints a failed query's error (Next's own error line for
// a page, a library's logger) must not print Prisma's text, which quotes the
// query's arguments: a note's body, an email.
describeEachBackend('database errors', (getTestDb) => {
  test('a failed query keeps its code and meta, but no argument reaches its message, stack or inspection', async () => {
    const { db } = getTestDb();
    await db.user.create({ data: { email: 'private-address@example.com' } });
    const error = await db.user.create({ data: { email: 'private-address@example.com', name: 'note text 비밀' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'P2002', name: 'PrismaClientKnownRequestError' });
    expect((error as Error).message).toBe('Database query User.create failed with P2002.');
    const printed = `${inspect(error)} ${String(error)} ${(error as Error).stack}`;
    expect(printed).not.toContain('private-address');
    expect(printed).not.toContain('비밀');
  });

  test('an interactive transaction redacts the same way, and our own errors pass through untouched', async () => {
    const { db } = getTestDb();
    const failed = await db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { email: 'in-tx@example.com' } });
        await tx.user.create({ data: { email: 'in-tx@example.com' } });
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'P2002' });
    expect(inspect(failed)).not.toContain('in-tx@');
    const ours = await db.$transaction(() => Promise.reject(new RangeError('ours'))).catch((e: unknown) => e);
    expect(ours).toBeInstanceOf(RangeError);
    expect(await db.user.count({ where: { email: 'in-tx@example.com' } })).toBe(0);
  });
});
