import 'server-only';
import { getDb } from '@/lib/db/connection';

/*
 * Sessions are JWT cookies (NextAuth's credentials provider allows no other
 * kind), which the server cannot delete from a browser, or from a copy of the
 * cookie. Instead each carries the account's `sessionVersion` from the moment
 * it was issued; every request compares it with the row (one primary-key
 * read), and raising the row's value ends every session at once.
 */

/** The account's current session version, or null when the account no longer exists. */
export async function sessionVersionOf(userId: string): Promise<number | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/** Ends every session of the account, this one included. False when there is no such account. */
export async function endAllSessions(userId: string): Promise<boolean> {
  const db = await getDb();
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  return count > 0;
}

/**
 * Ends every session of the account if `version` is still current (the
 * cookie signing out is not one that was already ended). False otherwise.
 */
export async function endSessionsIssuedWith(userId: string, version: number): Promise<boolean> {
  const db = await getDb();
  const { count } = await db.user.updateMany({
    where: { id: userId, sessionVersion: version },
    data: { sessionVersion: { increment: 1 } },
  });
  return count > 0;
}
