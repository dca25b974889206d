import 'server-only';
import { getDb } from '@/lib/db/connection';

// Fixed windows per key: an account takes 5 wrong passwords per 15 minutes
// (slows guessing one password), an address 30 (slows spraying many accounts
// from one place without locking out a shared NAT too quickly).
export const LOGIN_LIMITS = {
  perAccount: { max: 5, windowMs: 15 * 60_000 },
  perIp: { max: 30, windowMs: 15 * 60_000 },
};

// Each account created costs an argon2 hash and a row: an address gets 10 an
// hour, plenty for a household or an office behind one NAT.
export const SIGNUP_LIMIT = { max: 10, windowMs: 60 * 60_000 };

// Rows older than the longest window count for nothing; they are deleted as new ones are written.
const LONGEST_WINDOW_MS = Math.max(LOGIN_LIMITS.perAccount.windowMs, LOGIN_LIMITS.perIp.windowMs, SIGNUP_LIMIT.windowMs);

export type LoginKeys = { account: string; ip: string | null };

// An IPv4 client seen through a dual-stack socket ("::ffff:1.2.3.4") is the same client as "1.2.3.4".
function normalizeIp(ip: string | null): string | null {
  const address = ip?.trim().toLowerCase() ?? '';
  return address === '' ? null : address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/** e.g. 'login:email:<lowercased>' and 'login:ip:<ip>' (null when the address is unknown). */
export function loginKeys(email: string, ip: string | null): LoginKeys {
  const address = normalizeIp(ip);
  return { account: `login:email:${email.trim().toLowerCase()}`, ip: address === null ? null : `login:ip:${address}` };
}

function limitsFor(keys: LoginKeys): { key: string; max: number; windowMs: number }[] {
  const list = [{ key: keys.account, ...LOGIN_LIMITS.perAccount }];
  if (keys.ip !== null) list.push({ key: keys.ip, ...LOGIN_LIMITS.perIp });
  return list;
}

/** Checks before verifying the password. */
export async function loginAllowed(
  keys: LoginKeys,
  now: Date = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const limits = limitsFor(keys);
  const db = await getDb();
  const rows = await db.loginAttempt.findMany({ where: { key: { in: limits.map((limit) => limit.key) } } });
  let retryAfterMs = 0;
  for (const { key, max, windowMs } of limits) {
    const row = rows.find((candidate) => candidate.key === key);
    if (!row || row.count < max) continue;
    const remaining = row.windowStart.getTime() + windowMs - now.getTime();
    // An expired window no longer blocks; the next failure starts a new one.
    if (remaining > 0) retryAfterMs = Math.max(retryAfterMs, remaining);
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { allowed: true };
}

/**
 * Counts one failed sign-in against every key. One atomic statement per key
 * (INSERT … ON CONFLICT DO UPDATE), so concurrent failures are never lost;
 * a window that has expired restarts at 1.
 */
export async function recordLoginFailure(keys: LoginKeys, now: Date = new Date()): Promise<void> {
  for (const { key, windowMs } of limitsFor(keys)) await countAttempt(key, windowMs, now);
  await pruneExpiredAttempts(now);
}

/**
 * One atomic statement (INSERT … ON CONFLICT DO UPDATE … RETURNING), so
 * concurrent attempts are never lost; a window that has expired restarts at 1.
 */
async function countAttempt(key: string, windowMs: number, now: Date): Promise<{ count: number; windowStart: Date }> {
  const db = await getDb();
  // Computed here, not with now() in SQL, so callers (and tests) control the clock.
  const expiredBefore = new Date(now.getTime() - windowMs);
  const [row] = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "LoginAttempt" ("key", "count", "windowStart")
    VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "LoginAttempt"."windowStart" <= ${expiredBefore} THEN 1 ELSE "LoginAttempt"."count" + 1 END,
      "windowStart" = CASE WHEN "LoginAttempt"."windowStart" <= ${expiredBefore} THEN EXCLUDED."windowStart" ELSE "LoginAttempt"."windowStart" END
    RETURNING "count", "windowStart"`;
  return { count: Number(row!.count), windowStart: new Date(row!.windowStart) };
}

async function pruneExpiredAttempts(now: Date): Promise<void> {
  const db = await getDb();
  await db.loginAttempt.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } } });
}

/**
 * Counts one sign-up attempt from this address (every attempt, not only the
 * failed ones: creating accounts is what is being limited) and says whether
 * it may go ahead. Unknown addresses share one key.
 */
export async function takeSignupSlot(
  ip: string | null,
  now: Date = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const { count, windowStart } = await countAttempt(`signup:ip:${normalizeIp(ip) ?? 'unknown'}`, SIGNUP_LIMIT.windowMs, now);
  await pruneExpiredAttempts(now);
  if (count <= SIGNUP_LIMIT.max) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + SIGNUP_LIMIT.windowMs - now.getTime()) / 1000)),
  };
}

/**
 * On success: clears the account key only. The address keeps its count, so a
 * sprayer cannot reset its own limit by signing into an account it controls.
 */
export async function clearLoginFailures(keys: LoginKeys): Promise<void> {
  const db = await getDb();
  await db.loginAttempt.deleteMany({ where: { key: keys.account } });
}
