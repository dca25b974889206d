import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { RESET_TOKEN_TTL_MS, resetPassword, resetTokenUsable, sendPasswordReset } from '@/lib/auth/password-reset';
import { createUserWithPassword, verifyPassword } from '@/lib/auth/users';
import { describeEachBackend } from '@/tests/support/db';
import { mailsTo, startMailCatcher, type MailCatcher } from '@/tests/support/smtp';

let smtp: MailCatcher;
beforeAll(async () => {
  smtp = await startMailCatcher();
  // Read by lib/config/env.ts on first use, which comes after this.
  vi.stubEnv('SMTP_URL', smtp.url);
  vi.stubEnv('MAIL_FROM', 'Papers Review <no-reply@papers.example>');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.stop();
});

const link = (token: string) => `https://papers.example/reset-password/${token}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The token in the last mail to this address. */
const mailedToken = (email: string) => {
  const mails = mailsTo(smtp.dir, email);
  return mails.at(-1)?.text.match(/https:\/\/papers\.example\/reset-password\/([A-Za-z0-9_-]+)/)?.[1];
};

describeEachBackend('password reset', (getTestDb, backend) => {
  const email = (name: string) => `${name}-${backend}@example.com`;

  test('an unknown email: nothing stored, nothing sent', async () => {
    const { db } = getTestDb();
    const before = await db.passwordResetToken.count();
    expect(await sendPasswordReset(email('nobody'), link)).toBe('no-account');
    expect(await db.passwordResetToken.count()).toBe(before);
    expect(mailsTo(smtp.dir, email('nobody'))).toEqual([]);
  });

  test('a known email (any case) gets one mail with a link; only the SHA-256 of its token is stored, for 30 minutes', async () => {
    const { db } = getTestDb();
    const user = await createUserWithPassword({ email: email('forgetful'), password: 'the old password' });
    const now = new Date();
    expect(await sendPasswordReset(email('Forgetful').toUpperCase(), link, now)).toBe('sent');

    const [mail] = mailsTo(smtp.dir, email('forgetful'));
    expect(mail).toMatchObject({
      from: 'Papers Review <no-reply@papers.example>',
      to: email('forgetful'),
      subject: 'Reset your Papers Review password',
    });
    expect(mail!.text).toContain('the link works once, for 30 minutes');
    const token = mailedToken(email('forgetful'))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toEqual([
      { tokenHash: sha256(token), userId: user.id, expires: new Date(now.getTime() + RESET_TOKEN_TTL_MS), createdAt: expect.any(Date) },
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await resetTokenUsable(token, now)).toBe(true);
  });

  test('the link sets a new password once; every session and every other link of the account end with it', async () => {
    const { db } = getTestDb();
    const user = await createUserWithPassword({ email: email('reset'), password: 'the old password' });
    await sendPasswordReset(email('reset'), link);
    const first = mailedToken(email('reset'))!;
    await sendPasswordReset(email('reset'), link);
    const second = mailedToken(email('reset'))!;
    expect(second).not.toBe(first);
    const version = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;

    expect(await resetPassword(second, 'a brand new password')).toEqual({ email: email('reset') });
    expect(await verifyPassword(email('reset'), 'a brand new password')).toMatchObject({ id: user.id });
    expect(await verifyPassword(email('reset'), 'the old password')).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(version + 1);
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);

    // Used: the same link, or the older one, changes nothing more.
    expect(await resetPassword(second, 'another password')).toBeNull();
    expect(await resetPassword(first, 'another password')).toBeNull();
    expect(await resetTokenUsable(second)).toBe(false);
    expect(await verifyPassword(email('reset'), 'a brand new password')).toMatchObject({ id: user.id });
  });

  test('after 30 minutes the link is refused, and nothing changes', async () => {
    const { db } = getTestDb();
    await createUserWithPassword({ email: email('late'), password: 'the old password' });
    const sentAt = new Date();
    await sendPasswordReset(email('late'), link, sentAt);
    const token = mailedToken(email('late'))!;
    const expiry = new Date(sentAt.getTime() + RESET_TOKEN_TTL_MS);
    expect(await resetTokenUsable(token, new Date(expiry.getTime() - 1))).toBe(true);
    expect(await resetTokenUsable(token, expiry)).toBe(false);
    expect(await resetPassword(token, 'too late password', expiry)).toBeNull();
    expect(await verifyPassword(email('late'), 'the old password')).not.toBeNull();
    expect(await db.passwordResetToken.count({ where: { tokenHash: sha256(token) } })).toBe(1);
  });

  test('two requests racing with one link: exactly one sets its password', async () => {
    await createUserWithPassword({ email: email('race'), password: 'the old password' });
    await sendPasswordReset(email('race'), link);
    const token = mailedToken(email('race'))!;
    const results = await Promise.all(['first racer pw', 'second racer pw', 'third racer pw'].map((pw) => resetPassword(token, pw)));
    expect(results.filter(Boolean)).toEqual([{ email: email('race') }]);
    const winner = ['first racer pw', 'second racer pw', 'third racer pw'][results.findIndex(Boolean)]!;
    expect(await verifyPassword(email('race'), winner)).not.toBeNull();
  });

  test('made-up, malformed and foreign tokens are refused without a query that could match', async () => {
    for (const token of ['', 'x', 'a'.repeat(43), '../../etc/passwd', 'a'.repeat(42) + '%', sha256('x')]) {
      expect(await resetTokenUsable(token)).toBe(false);
      expect(await resetPassword(token, 'whatever password')).toBeNull();
    }
  });

  test('an OAuth-only account gets a link too, and the reset gives it a password', async () => {
    const { db } = getTestDb();
    const oauth = await db.user.create({ data: { email: email('oauth') } });
    await sendPasswordReset(email('oauth'), link);
    expect(await resetPassword(mailedToken(email('oauth'))!, 'first password ever')).toEqual({ email: email('oauth') });
    expect(await verifyPassword(email('oauth'), 'first password ever')).toMatchObject({ id: oauth.id });
  });
});
