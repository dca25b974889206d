import * as argon2 from '@node-rs/argon2';
import { beforeEach, expect, test, vi } from 'vitest';
import {
  accountSummary,
  changeEmail,
  changePassword,
  createUserWithPassword,
  deleteUser,
  EmailTakenError,
  NoPasswordError,
  verifyPassword,
} from '@/lib/auth/users';
import { describeEachBackend } from '@/tests/support/db';

// The real argon2, observed: lets a test see which hash verifyPassword checked against.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof argon2>();
  return { ...real, verify: vi.fn(real.verify) };
});

const OWASP_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';
// One Korean password in the two forms keyboards and files produce: composed syllables, and jamo.
const NFC = '비밀번호는 한글로';
const NFD = NFC.normalize('NFD');

describeEachBackend('users', (getTestDb) => {
  beforeEach(() => {
    vi.mocked(argon2.verify).mockClear();
  });

  test('creates a user with a lower-cased, trimmed email and an argon2id hash', async () => {
    const user = await createUserWithPassword({ email: '  Ada.Lovelace@Example.COM ', password: 'correct horse battery', name: ' Ada ' });
    expect(user).toEqual({ id: expect.any(String), email: 'ada.lovelace@example.com', name: 'Ada' });
    const row = await getTestDb().db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe('ada.lovelace@example.com');
    expect(row.passwordHash?.startsWith('$argon2id$')).toBe(true);
    expect(row.passwordHash?.startsWith(OWASP_PREFIX)).toBe(true);
    expect(row.passwordHash).not.toContain('correct horse battery');

    const unnamed = await createUserWithPassword({ email: 'unnamed@example.com', password: 'pw-123456' });
    expect(unnamed.name).toBeNull();
  });

  test('a duplicate email, in any case, throws EmailTakenError and stores nothing', async () => {
    const { db } = getTestDb();
    await createUserWithPassword({ email: 'dup@example.com', password: 'first-password' });
    const before = await db.user.findMany({ orderBy: { id: 'asc' } });
    await expect(createUserWithPassword({ email: 'DUP@Example.com ', password: 'second-password' })).rejects.toBeInstanceOf(
      EmailTakenError,
    );
    expect(await db.user.findMany({ orderBy: { id: 'asc' } })).toEqual(before);

    // An OAuth account stored with the provider's capitalisation also counts.
    await db.user.create({ data: { email: 'Grace@Example.com' } });
    await expect(createUserWithPassword({ email: 'grace@example.com', password: 'pw-123456' })).rejects.toBeInstanceOf(EmailTakenError);
    expect(await db.user.count({ where: { email: { equals: 'grace@example.com', mode: 'insensitive' } } })).toBe(1);
  });

  test('racing sign-ups for one email: exactly one wins, the rest get EmailTakenError', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        createUserWithPassword({ email: i % 2 ? 'RACE@example.com' : 'race@example.com', password: `pw-${i}-long` }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(EmailTakenError);
    expect(await getTestDb().db.user.count({ where: { email: 'race@example.com' } })).toBe(1);
  });

  test('verifyPassword: right password → user; wrong password, unknown email, OAuth-only user → null', async () => {
    const { db } = getTestDb();
    const user = await createUserWithPassword({ email: 'verify@example.com', password: 's3cret-pass', name: 'V' });
    expect(await verifyPassword('verify@example.com', 's3cret-pass')).toEqual(user);
    expect(await verifyPassword('  VERIFY@example.com', 's3cret-pass')).toEqual(user);
    expect(await verifyPassword('verify@example.com', 's3cret-pasS')).toBeNull();
    expect(await verifyPassword('verify@example.com', '')).toBeNull();
    expect(await verifyPassword('nobody@example.com', 's3cret-pass')).toBeNull();
    await db.user.create({ data: { email: 'oauth-only@example.com' } });
    expect(await verifyPassword('oauth-only@example.com', 's3cret-pass')).toBeNull();
  });

  test('verifyPassword runs argon2 against a dummy hash of the same cost when there is no hash to check', async () => {
    const { db } = getTestDb();
    await db.user.create({ data: { email: 'no-hash@example.com' } });
    const verify = vi.mocked(argon2.verify);

    expect(await verifyPassword('unknown@example.com', 'whatever')).toBeNull();
    expect(await verifyPassword('no-hash@example.com', 'whatever')).toBeNull();
    expect(verify).toHaveBeenCalledTimes(2);
    for (const [hashed, password] of verify.mock.calls) {
      expect(String(hashed).startsWith(OWASP_PREFIX)).toBe(true);
      expect(password).toBe('whatever');
    }
    // Both calls really ran argon2 (a well-formed hash, just not a match).
    for (const result of verify.mock.results) expect(await result.value).toBe(false);
  });

  test('a password typed in another Unicode form is the same password', async () => {
    expect(NFD).not.toBe(NFC);
    const user = await createUserWithPassword({ email: 'hangul@example.com', password: NFC });
    expect(await verifyPassword('hangul@example.com', NFD)).toEqual(user);
    expect(await verifyPassword('hangul@example.com', NFC)).toEqual(user);
    const decomposed = await createUserWithPassword({ email: 'jamo@example.com', password: NFD });
    expect(await verifyPassword('jamo@example.com', NFC)).toEqual(decomposed);
  });

  test('a hash made before normalization still signs in, and that sign-in re-hashes it in NFC', async () => {
    const { db } = getTestDb();
    // What sign-up stored before passwords were normalized: the bytes as typed (here NFD).
    const legacyHash = await argon2.hash(NFD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const { id } = await db.user.create({ data: { email: 'legacy@example.com', passwordHash: legacyHash } });
    expect(await argon2.verify(legacyHash, NFC)).toBe(false);

    expect(await verifyPassword('legacy@example.com', NFD)).toMatchObject({ id });
    const rehashed = (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash!;
    expect(rehashed).not.toBe(legacyHash);
    expect(rehashed.startsWith(OWASP_PREFIX)).toBe(true);
    expect(await argon2.verify(rehashed, NFC)).toBe(true);
    // From now on either form works, and nothing more is re-hashed.
    expect(await verifyPassword('legacy@example.com', NFC)).toMatchObject({ id });
    expect(await verifyPassword('legacy@example.com', NFD)).toMatchObject({ id });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBe(rehashed);
    expect(await verifyPassword('legacy@example.com', 'wrong')).toBeNull();
  });

  test('changePassword: the current password is required; the new one replaces it and every session ends', async () => {
    const { db } = getTestDb();
    const user = await createUserWithPassword({ email: 'change-pw@example.com', password: 'old password 1' });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });

    expect(await changePassword(user.id, 'not the password', 'new password 2')).toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);

    expect(await changePassword(user.id, 'old password 1', NFD)).toEqual(user);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword('change-pw@example.com', 'old password 1')).toBeNull();
    expect(await verifyPassword('change-pw@example.com', NFC)).toEqual(user);

    expect(await changePassword('no-such-user', 'x', 'new password 3')).toBeNull();
    const oauth = await db.user.create({ data: { email: 'oauth-pw@example.com' } });
    await expect(changePassword(oauth.id, 'anything', 'new password 4')).rejects.toBeInstanceOf(NoPasswordError);
  });

  test('changeEmail: the current password is required, the address must be free, and every session ends', async () => {
    const { db } = getTestDb();
    const user = await createUserWithPassword({ email: 'move-me@example.com', password: 'pw-move-123' });
    await createUserWithPassword({ email: 'taken-address@example.com', password: 'pw-other-123' });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });

    expect(await changeEmail(user.id, 'wrong', 'moved@example.com')).toBeNull();
    await expect(changeEmail(user.id, 'pw-move-123', ' Taken-Address@Example.com')).rejects.toBeInstanceOf(EmailTakenError);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);

    expect(await changeEmail(user.id, 'pw-move-123', ' Moved@Example.COM ')).toEqual({
      id: user.id,
      email: 'moved@example.com',
      name: null,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword('moved@example.com', 'pw-move-123')).toMatchObject({ id: user.id });
    expect(await verifyPassword('move-me@example.com', 'pw-move-123')).toBeNull();
    // Its own address again, in another case, is not "taken".
    expect(await changeEmail(user.id, 'pw-move-123', 'MOVED@example.com')).toMatchObject({ email: 'moved@example.com' });
  });

  test('accountSummary: the email and whether there is a password', async () => {
    const { db } = getTestDb();
    const withPassword = await createUserWithPassword({ email: 'summary@example.com', password: 'pw-summary-1' });
    const oauth = await db.user.create({ data: { email: 'Summary-OAuth@example.com' } });
    expect(await accountSummary(withPassword.id)).toEqual({ email: 'summary@example.com', hasPassword: true });
    expect(await accountSummary(oauth.id)).toEqual({ email: 'Summary-OAuth@example.com', hasPassword: false });
    expect(await accountSummary('no-such-user')).toBeNull();
  });

  test('deleteUser cascades to every table for that user only', async () => {
    const { db } = getTestDb();
    const seed = async (email: string) => {
      const { id } = await createUserWithPassword({ email, password: 'pw-123456' });
      await db.bookmark.create({ data: { userId: id, paperId: 'p' } });
      await db.readingStatus.create({ data: { userId: id, paperId: 'p', status: 'READ' } });
      await db.note.createMany({
        data: [
          { userId: id, paperId: 'p', body: 'one' },
          { userId: id, paperId: 'q', body: 'two' },
        ],
      });
      await db.account.create({ data: { userId: id, type: 'oauth', provider: 'github', providerAccountId: email } });
      await db.session.create({ data: { userId: id, sessionToken: `token-${email}`, expires: new Date(Date.now() + 60_000) } });
      await db.passwordResetToken.create({ data: { userId: id, tokenHash: `hash-${email}`, expires: new Date(Date.now() + 60_000) } });
      return id;
    };
    const snapshot = async (userId: string) => ({
      user: await db.user.findUnique({ where: { id: userId } }),
      bookmarks: await db.bookmark.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
      statuses: await db.readingStatus.findMany({ where: { userId }, orderBy: { paperId: 'asc' } }),
      notes: await db.note.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
      accounts: await db.account.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
      sessions: await db.session.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
      resetTokens: await db.passwordResetToken.findMany({ where: { userId } }),
    });
    const a = await seed('delete-a@example.com');
    const b = await seed('delete-b@example.com');
    const bBefore = await snapshot(b);
    expect(bBefore.notes).toHaveLength(2);

    expect(await deleteUser(a)).toBe(true);
    const where = { userId: a };
    expect(
      await Promise.all([
        db.user.count({ where: { id: a } }),
        db.bookmark.count({ where }),
        db.readingStatus.count({ where }),
        db.note.count({ where }),
        db.account.count({ where }),
        db.session.count({ where }),
        db.passwordResetToken.count({ where }),
      ]),
    ).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await snapshot(b)).toEqual(bBefore);

    expect(await deleteUser(a)).toBe(false);
    expect(await deleteUser('no-such-user')).toBe(false);
    expect(await snapshot(b)).toEqual(bBefore);
  });
});
