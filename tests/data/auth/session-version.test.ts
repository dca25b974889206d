import { expect, test } from 'vitest';
import { endAllSessions, endSessionsIssuedWith, sessionVersionOf } from '@/lib/auth/session-version';
import { describeEachBackend, userFactory } from '@/tests/support/db';

describeEachBackend('session versions', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'sessions');

  test('a new account starts at 0; ending all sessions raises it, for that account only', async () => {
    const [a, b] = [await newUser(), await newUser()];
    expect(await sessionVersionOf(a)).toBe(0);
    expect(await endAllSessions(a)).toBe(true);
    expect(await endAllSessions(a)).toBe(true);
    expect(await sessionVersionOf(a)).toBe(2);
    expect(await sessionVersionOf(b)).toBe(0);
  });

  test('a missing account has no version and nothing to end', async () => {
    expect(await sessionVersionOf('no-such-user')).toBeNull();
    expect(await endAllSessions('no-such-user')).toBe(false);
    const gone = await newUser();
    await getTestDb().db.user.delete({ where: { id: gone } });
    expect(await sessionVersionOf(gone)).toBeNull();
  });

  test('signing out with an already-ended cookie changes nothing (it cannot sign its owner out again)', async () => {
    const a = await newUser();
    expect(await endSessionsIssuedWith(a, 0)).toBe(true);
    expect(await sessionVersionOf(a)).toBe(1);
    // The copied cookie from before still says 0.
    expect(await endSessionsIssuedWith(a, 0)).toBe(false);
    expect(await sessionVersionOf(a)).toBe(1);
    expect(await endSessionsIssuedWith('no-such-user', 0)).toBe(false);
  });

  test('concurrent ends are all counted', async () => {
    const a = await newUser();
    await Promise.all(Array.from({ length: 10 }, () => endAllSessions(a)));
    expect(await sessionVersionOf(a)).toBe(10);
  });
});
