import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { getDb } from '@/lib/db/connection';
import { HttpError } from '@/lib/http/errors';

/*
 * Sign-in limits, shaped after OWASP's authentication guidance: nobody who
 * merely knows an email can lock its owner out.
 *
 * - One account from one address (perAccountAndAddress): 5 attempts per 15
 *   minutes, then that address is refused for that account, and only that
 *   one. The owner signing in from anywhere else is not affected.
 * - One address across all accounts (perAddress): 30 attempts per 15 minutes
 *   (slows spraying many accounts from one place without locking out a
 *   shared NAT too quickly).
 * - One account from everywhere (perAccount) is never refused. Once it has
 *   had 5 failures in the window, every further attempt waits before its
 *   password is checked, longer each time (loginDelayMs): a distributed guesser is
 *   slowed, the owner still gets in with the right password.
 *
 * Every attempt takes its slot before the password is checked, in one atomic
 * statement per key, so parallel requests cannot all slip past a check made
 * before any of them was counted; a success gives its slots back.
 */
export const LOGIN_LIMITS = {
  perAccountAndAddress: { max: 5, windowMs: 15 * 60_000 },
  perAddress: { max: 30, windowMs: 15 * 60_000 },
  perAccount: { windowMs: 15 * 60_000 },
};

/** Failures an account may have in its window before attempts on it are delayed. */
export const FREE_ACCOUNT_FAILURES = 5;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** How long an attempt waits, given the account's failures so far in the window: 0, then 0.5 s doubling up to 8 s. */
export function loginDelayMs(accountFailures: number): number {
  if (accountFailures < FREE_ACCOUNT_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (accountFailures - FREE_ACCOUNT_FAILURES), MAX_DELAY_MS);
}

// Each account created costs an argon2 hash and a row: an address gets 10 an
// hour, plenty for a household or an office behind one NAT.
export const SIGNUP_LIMIT = { max: 10, windowMs: 60 * 60_000 };

// A reset mail goes to a real inbox: an address may ask 5 times an hour (any
// emails), and one email receives at most 3 an hour whoever asks. Both are
// counted whether or not the account exists, so neither says whether it does.
export const RESET_LIMITS = { perAddress: { max: 5, windowMs: 60 * 60_000 }, perEmail: { max: 3, windowMs: 60 * 60_000 } };

// Rows older than the longest window count for nothing; they are deleted as new ones are written.
const LONGEST_WINDOW_MS = Math.max(
  LOGIN_LIMITS.perAccountAndAddress.windowMs,
  LOGIN_LIMITS.perAddress.windowMs,
  LOGIN_LIMITS.perAccount.windowMs,
  SIGNUP_LIMIT.windowMs,
  RESET_LIMITS.perAddress.windowMs,
  RESET_LIMITS.perEmail.windowMs,
);

export type LoginKeys = { account: string; pair: string; ip: string | null };
export type Gate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// An IPv4 client seen through a dual-stack socket ("::ffff:1.2.3.4") is the same client as "1.2.3.4".
function normalizeIp(ip: string | null): string | null {
  const address = ip?.trim().toLowerCase() ?? '';
  return address === '' ? null : address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

const normalizeEmailKey = (email: string) => email.trim().toLowerCase();

/**
 * e.g. 'login:email:<email>', 'login:pair:<ip> <email>' and 'login:ip:<ip>'.
 * An unknown address has no per-address key, and its pair key is shared by
 * every unknown client: the safe side, since only a misconfigured server
 * cannot tell (see lib/http/client-ip.ts).
 */
export function loginKeys(email: string, ip: string | null): LoginKeys {
  const address = normalizeIp(ip);
  const account = normalizeEmailKey(email);
  return {
    account: `login:email:${account}`,
    pair: `login:pair:${address ?? 'unknown'} ${account}`,
    ip: address === null ? null : `login:ip:${address}`,
  };
}

type Counted = { count: number; windowStart: Date };

/**
 * Takes a sign-in attempt's slots before its password is checked. Refused
 * (and counted against nothing else) when this address has used up its
 * attempts on this account or on all accounts; otherwise says how long to
 * wait before checking the password.
 */
export async function beginLoginAttempt(keys: LoginKeys, now: Date = new Date()): Promise<Gate & { delayMs?: number }> {
  const limits = [{ key: keys.pair, ...LOGIN_LIMITS.perAccountAndAddress }];
  if (keys.ip !== null) limits.push({ key: keys.ip, ...LOGIN_LIMITS.perAddress });
  const gate = await takeSlots(limits, now);
  if (!gate.allowed) return gate;
  const { count } = await countAttempt(keys.account, LOGIN_LIMITS.perAccount.windowMs, now);
  // This attempt is in the count; the delay depends on the ones before it.
  return { allowed: true, delayMs: loginDelayMs(count - 1) };
}

/**
 * The password was right: this address starts afresh on this account, and
 * the attempt no longer counts against the address or the account (so the
 * slots count failures only). A wrong password needs no call: its slots stay taken.
 */
export async function loginSucceeded(keys: LoginKeys): Promise<void> {
  const db = await getDb();
  await db.loginAttempt.deleteMany({ where: { key: keys.pair } });
  const given = [keys.account, ...(keys.ip === null ? [] : [keys.ip])];
  await db.loginAttempt.updateMany({ where: { key: { in: given }, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

export class TooManyAttemptsError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(429, `Too many attempts from this network. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`);
  }
}

/**
 * Runs one password check under the sign-in limits (sign-in itself, and the
 * account changes that ask for the current password): TooManyAttemptsError
 * when refused, a wait first when the account is under attack, and the slots
 * given back when `check` returns something (the password was right).
 */
export async function underLoginLimits<T>(email: string, ip: string | null, check: () => Promise<T | null>): Promise<T | null> {
  const keys = loginKeys(email, ip);
  const gate = await beginLoginAttempt(keys);
  if (!gate.allowed) throw new TooManyAttemptsError(gate.retryAfterSeconds);
  if (gate.delayMs) await sleep(gate.delayMs);
  const result = await check();
  if (result !== null) await loginSucceeded(keys);
  return result;
}

/**
 * One atomic statement (INSERT … ON CONFLICT DO UPDATE … RETURNING), so
 * concurrent attempts are never lost; a window that has expired restarts at 1.
 */
async function countAttempt(key: string, windowMs: number, now: Date): Promise<Counted> {
  const db = await getDb();
  // Computed here, not with now() in SQL, so callers (and tests) control the clock.
  const expiredBefore = new Date(now.getTime() - windowMs);
  const [row] = await db.$queryRaw<Counted[]>`
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

/** Counts one attempt against each limit; refused when any is over, with the longest wait. */
async function takeSlots(limits: { key: string; max: number; windowMs: number }[], now: Date): Promise<Gate> {
  let retryAfterMs = 0;
  for (const { key, max, windowMs } of limits) {
    const { count, windowStart } = await countAttempt(key, windowMs, now);
    if (count > max) retryAfterMs = Math.max(retryAfterMs, windowStart.getTime() + windowMs - now.getTime());
  }
  await pruneExpiredAttempts(now);
  return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { allowed: true };
}

/**
 * Counts one sign-up attempt from this address (every attempt, not only the
 * failed ones: creating accounts is what is being limited) and says whether
 * it may go ahead. Unknown addresses share one key.
 */
export function takeSignupSlot(ip: string | null, now: Date = new Date()): Promise<Gate> {
  return takeSlots([{ key: `signup:ip:${normalizeIp(ip) ?? 'unknown'}`, ...SIGNUP_LIMIT }], now);
}

/** Counts one password-reset request from this address for this email. */
export function takeResetSlot(email: string, ip: string | null, now: Date = new Date()): Promise<Gate> {
  return takeSlots(
    [
      { key: `reset:ip:${normalizeIp(ip) ?? 'unknown'}`, ...RESET_LIMITS.perAddress },
      { key: `reset:email:${normalizeEmailKey(email)}`, ...RESET_LIMITS.perEmail },
    ],
    now,
  );
}
