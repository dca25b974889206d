import 'server-only';
import { isUniqueViolation } from '@/lib/db/query-helpers';
import { getDb } from '@/lib/db/connection';
import { HttpError } from '@/lib/http/errors';
import { checkPassword, hashPassword } from '@/lib/auth/passwords';

export type PublicUser = { id: string; email: string; name: string | null };

export class EmailTakenError extends HttpError {
  constructor() {
    super(409, 'An account with this email already exists.');
  }
}

/** An OAuth-only account asked to prove a password it never had. */
export class NoPasswordError extends HttpError {
  constructor() {
    super(
      409,
      'This account signs in with GitHub or Google and has no password. Set one with “Forgot your password?” on the sign-in page.',
    );
  }
}

/** Emails are stored trimmed and lower-cased, so uniqueness and sign-in are case-insensitive. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Another account already uses this address, in any capitalisation (OAuth sign-ins store the provider's spelling). */
async function emailTaken(email: string, exceptUserId?: string): Promise<boolean> {
  const db = await getDb();
  const existing = await db.user.findFirst({
    where: { email: { equals: email, mode: 'insensitive' }, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { id: true },
  });
  return existing !== null;
}

export async function createUserWithPassword(input: { email: string; password: string; name?: string }): Promise<PublicUser> {
  const email = normalizeEmail(input.email);
  if (email === '') throw new TypeError('email is required.');
  if (input.password === '') throw new TypeError('password is required.');
  const name = input.name?.trim() || null;
  const db = await getDb();
  if (await emailTaken(email)) throw new EmailTakenError();

  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({ data: { email, name, passwordHash }, select: { id: true, email: true, name: true } });
    return { id: user.id, email, name: user.name };
  } catch (error) {
    // Two sign-ups racing past the check above: the unique index decides.
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/**
 * The stored hash was made before passwords were NFC-normalized: replace it
 * with the normalized one, unless the password changed meanwhile.
 */
async function rehashNormalized(userId: string, storedHash: string, password: string): Promise<void> {
  const db = await getDb();
  await db.user.updateMany({ where: { id: userId, passwordHash: storedHash }, data: { passwordHash: await hashPassword(password) } });
}

/**
 * Returns the user when the password matches; null otherwise. When no user or
 * no passwordHash exists, still verifies against a fixed dummy hash so timing
 * does not reveal whether the email exists.
 */
export async function verifyPassword(email: string, password: string): Promise<PublicUser | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const result = await checkPassword(user?.passwordHash ?? null, password);
  if (!user?.passwordHash || !user.email || result === 'mismatch') return null;
  if (result === 'match-unnormalized') await rehashNormalized(user.id, user.passwordHash, password);
  return { id: user.id, email: user.email, name: user.name };
}

async function readPublicUser(userId: string): Promise<PublicUser | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
  // Accounts with a password always have an email: both sign-up and reset start from one.
  return user?.email ? { id: user.id, email: user.email, name: user.name } : null;
}

/** The signed-in reader's row, with the hash their current password must match; NoPasswordError for OAuth-only accounts. */
async function passwordRow(userId: string): Promise<{ email: string | null; passwordHash: string } | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) return null;
  if (!user.passwordHash) throw new NoPasswordError();
  return { email: user.email, passwordHash: user.passwordHash };
}

/**
 * Sets a new password when `currentPassword` is right, and ends every session
 * of the account in the same statement. Null when the current password is
 * wrong or the account is gone; nothing changes then.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<PublicUser | null> {
  const row = await passwordRow(userId);
  if (!row || (await checkPassword(row.passwordHash, currentPassword)) === 'mismatch') return null;
  const db = await getDb();
  const passwordHash = await hashPassword(newPassword);
  // Conditional on the hash just checked: two changes racing cannot both win with one old password.
  const { count } = await db.user.updateMany({
    where: { id: userId, passwordHash: row.passwordHash },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (count === 0) return null;
  return readPublicUser(userId);
}

/**
 * Moves the account to another email when `currentPassword` is right, and
 * ends every session (each carries the old address). Null when the password
 * is wrong or the account is gone; EmailTakenError when another account has it.
 */
export async function changeEmail(userId: string, currentPassword: string, newEmail: string): Promise<PublicUser | null> {
  const email = normalizeEmail(newEmail);
  if (email === '') throw new TypeError('email is required.');
  const row = await passwordRow(userId);
  if (!row || (await checkPassword(row.passwordHash, currentPassword)) === 'mismatch') return null;
  if (await emailTaken(email, userId)) throw new EmailTakenError();
  const db = await getDb();
  try {
    const { count } = await db.user.updateMany({
      where: { id: userId, passwordHash: row.passwordHash },
      data: { email, emailVerified: null, sessionVersion: { increment: 1 } },
    });
    if (count === 0) return null;
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
  return readPublicUser(userId);
}

/** What the account page shows: the email, and whether there is a password to change (OAuth-only accounts have none). */
export async function accountSummary(userId: string): Promise<{ email: string | null; hasPassword: boolean } | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  return user ? { email: user.email, hasPassword: user.passwordHash !== null } : null;
}

/** Deletes the user and, by cascade, every bookmark, status, note, account, session and reset token. Returns false when no such user. */
export async function deleteUser(userId: string): Promise<boolean> {
  const db = await getDb();
  // deleteMany: a missing user is a false, not a P2025 to catch. The foreign keys cascade in the database.
  const { count } = await db.user.deleteMany({ where: { id: userId } });
  return count > 0;
}
