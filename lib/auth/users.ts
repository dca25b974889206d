import 'server-only';
import { hash, verify, type Options } from '@node-rs/argon2';
import { isUniqueViolation } from '@/lib/db/query-helpers';
import { getDb } from '@/lib/db/connection';
import { HttpError } from '@/lib/http/errors';

export type PublicUser = { id: string; email: string; name: string | null };

export class EmailTakenError extends HttpError {
  constructor() {
    super(409, 'An account with this email already exists.');
  }
}

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). `algorithm: 2` is
// Algorithm.Argon2id: the package declares a const enum, which isolatedModules
// cannot read.
const ARGON2_OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

// A hash of a random, discarded password with the same parameters, verified
// when there is no real hash so an unknown email costs as much time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$H2Aew7GIc9QGZUQVa3ik8A$lvmaXgezTsjczEIAgxlb6CjuhOs9Ku2ceQBuRLIODL0';

/** Emails are stored trimmed and lower-cased, so uniqueness and sign-in are case-insensitive. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUserWithPassword(input: { email: string; password: string; name?: string }): Promise<PublicUser> {
  const email = normalizeEmail(input.email);
  if (email === '') throw new TypeError('email is required.');
  if (input.password === '') throw new TypeError('password is required.');
  const name = input.name?.trim() || null;
  const db = await getDb();

  // OAuth sign-ins store the provider's spelling of the address; refuse a
  // password account that differs from one only by case.
  const existing = await db.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, select: { id: true } });
  if (existing) throw new EmailTakenError();

  const passwordHash = await hash(input.password, ARGON2_OPTIONS);
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
  const matches = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false); // a malformed stored hash is a mismatch
  if (!user?.passwordHash || !user.email || !matches) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** Deletes the user and, by cascade, every bookmark, status, note, account and session. Returns false when no such user. */
export async function deleteUser(userId: string): Promise<boolean> {
  const db = await getDb();
  // deleteMany: a missing user is a false, not a P2025 to catch. The foreign keys cascade in the database.
  const { count } = await db.user.deleteMany({ where: { id: userId } });
  return count > 0;
}
