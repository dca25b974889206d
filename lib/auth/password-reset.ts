import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db/connection';
import { isRecordNotFound } from '@/lib/db/query-helpers';
import { siteConfig } from '@/lib/config/site';
import { sendMail } from '@/lib/auth/mail';
import { hashPassword } from '@/lib/auth/passwords';
import { normalizeEmail } from '@/lib/auth/users';

/** A reset link works once, for 30 minutes. */
export const RESET_TOKEN_TTL_MS = 30 * 60_000;

/**
 * Only the SHA-256 of a token is stored, so reading the table (a backup, a
 * leaked dump) gives nobody a working link. A plain hash suffices: the token
 * is 256 random bits, not a guessable password.
 */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Tokens are 43 base64url characters; anything else cannot be one (and is not worth a query). */
const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** The link mailed to the reader: `/reset-password/<token>` on this site. */
export type ResetLink = (token: string) => string;

/**
 * Creates a reset token for the account with this email (any capitalisation)
 * and mails the link to it. 'no-account' when there is none: nothing is
 * stored or sent, and the caller answers exactly as if there were.
 */
export async function sendPasswordReset(email: string, linkFor: ResetLink, now: Date = new Date()): Promise<'sent' | 'no-account'> {
  const db = await getDb();
  const user = await db.user.findFirst({
    where: { email: { equals: normalizeEmail(email), mode: 'insensitive' } },
    select: { id: true, email: true },
  });
  if (!user?.email) return 'no-account';
  const token = randomBytes(32).toString('base64url');
  // The per-email request limit keeps live tokens to a handful; expired ones go as new ones come.
  await db.passwordResetToken.deleteMany({ where: { userId: user.id, expires: { lte: now } } });
  await db.passwordResetToken.create({
    data: { tokenHash: hashToken(token), userId: user.id, expires: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
  });
  await sendMail({
    to: user.email,
    subject: `Reset your ${siteConfig.name} password`,
    text: [
      `Someone (hopefully you) asked to reset the password of the ${siteConfig.name} account for ${user.email}.`,
      '',
      'Choose a new password here (the link works once, for 30 minutes):',
      linkFor(token),
      '',
      'Setting a new password signs the account out on every device.',
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ].join('\n'),
  });
  return 'sent';
}

/** Whether the link can still be used: the reset page shows its form, or says the link has expired. Reads only. */
export async function resetTokenUsable(token: string, now: Date = new Date()): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const db = await getDb();
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { expires: true } });
  return row !== null && row.expires > now;
}

/**
 * Sets a new password with a reset token. The token is used up in the same
 * transaction (two requests with one link: one wins), with every other token
 * of the account, and every session of the account ends. Returns the
 * account's email, or null when the link is unknown, used or expired.
 */
export async function resetPassword(token: string, newPassword: string, now: Date = new Date()): Promise<{ email: string } | null> {
  // A cheap read first: an unknown token costs no argon2 hash.
  if (!(await resetTokenUsable(token, now))) return null;
  const passwordHash = await hashPassword(newPassword);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    let used: { userId: string; expires: Date };
    try {
      used = await tx.passwordResetToken.delete({ where: { tokenHash: hashToken(token) }, select: { userId: true, expires: true } });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
    if (used.expires <= now) return null;
    await tx.passwordResetToken.deleteMany({ where: { userId: used.userId } });
    const user = await tx.user.update({
      where: { id: used.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true },
    });
    return user.email ? { email: user.email } : null;
  });
}
