import { expect, test } from 'vitest';
import {
  clearLoginFailures,
  LOGIN_LIMITS,
  loginAllowed,
  loginKeys,
  recordLoginFailure,
  SIGNUP_LIMIT,
  takeSignupSlot,
} from '@/lib/auth/rate-limit';
import { describeEachBackend } from '@/tests/support/db';

const MINUTE = 60_000;
const T0 = new Date('2026-11-22T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

test('loginKeys: lower-cased email, optional address', () => {
  expect(loginKeys(' Ada@Example.com ', '203.0.113.7')).toEqual({ account: 'login:email:ada@example.com', ip: 'login:ip:203.0.113.7' });
  expect(loginKeys('a@b.c', null)).toEqual({ account: 'login:email:a@b.c', ip: null });
  expect(loginKeys('a@b.c', ' ')).toEqual({ account: 'login:email:a@b.c', ip: null });
  expect(loginKeys('a@b.c', '::ffff:203.0.113.7').ip).toBe('login:ip:203.0.113.7');
  expect(loginKeys('a@b.c', '2001:DB8::1').ip).toBe('login:ip:2001:db8::1');
});

describeEachBackend('login rate limit', (getTestDb) => {
  const row = (key: string) => getTestDb().db.loginAttempt.findUnique({ where: { key } });

  test('5 failures block the account until the window expires', async () => {
    const keys = loginKeys('blocked@example.com', null);
    for (let i = 0; i < 4; i++) await recordLoginFailure(keys, at(i * MINUTE));
    expect(await loginAllowed(keys, at(4 * MINUTE))).toEqual({ allowed: true });

    await recordLoginFailure(keys, at(4 * MINUTE));
    expect(await row(keys.account)).toEqual({ key: 'login:email:blocked@example.com', count: 5, windowStart: T0 });
    // The window started at T0 with the first failure: 15 min - 5 min = 600 s left.
    expect(await loginAllowed(keys, at(5 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 600 });
    const late = await loginAllowed(keys, at(15 * MINUTE - 1));
    expect(late).toEqual({ allowed: false, retryAfterSeconds: 1 });

    // At the end of the window the account is free again, and the next failure starts a new window at 1.
    expect(await loginAllowed(keys, at(15 * MINUTE))).toEqual({ allowed: true });
    await recordLoginFailure(keys, at(16 * MINUTE));
    expect(await row(keys.account)).toEqual({ key: keys.account, count: 1, windowStart: at(16 * MINUTE) });
    expect(await loginAllowed(keys, at(16 * MINUTE))).toEqual({ allowed: true });
  });

  test('failures inside the window keep its start; the count keeps growing', async () => {
    const keys = loginKeys('window@example.com', '198.51.100.1');
    await recordLoginFailure(keys, at(0));
    await recordLoginFailure(keys, at(14 * MINUTE));
    expect(await row(keys.account)).toMatchObject({ count: 2, windowStart: T0 });
    expect(await row(keys.ip!)).toMatchObject({ count: 2, windowStart: T0 });
  });

  test('the per-IP limit is independent of the per-account one', async () => {
    const ip = '192.0.2.10';
    // 30 failures from one address, each on a different account: no account is blocked, the address is.
    for (let i = 0; i < LOGIN_LIMITS.perIp.max; i++) await recordLoginFailure(loginKeys(`spray-${i}@example.com`, ip), at(i * 1000));
    expect(await loginAllowed(loginKeys('spray-0@example.com', null), at(MINUTE))).toEqual({ allowed: true });
    expect(await loginAllowed(loginKeys('fresh@example.com', ip), at(MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    expect(await loginAllowed(loginKeys('fresh@example.com', '192.0.2.11'), at(MINUTE))).toEqual({ allowed: true });
    expect(await loginAllowed(loginKeys('fresh@example.com', ip), at(15 * MINUTE))).toEqual({ allowed: true });

    // And a blocked account stays blocked from any address.
    const victim = 'victim@example.com';
    for (let i = 0; i < LOGIN_LIMITS.perAccount.max; i++) await recordLoginFailure(loginKeys(victim, `203.0.113.${i}`), at(0));
    expect(await loginAllowed(loginKeys(victim, '203.0.113.99'), at(MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    expect(await row('login:ip:203.0.113.0')).toMatchObject({ count: 1 });
  });

  test('clearLoginFailures clears the account key only', async () => {
    const keys = loginKeys('clear@example.com', '198.51.100.2');
    for (let i = 0; i < 5; i++) await recordLoginFailure(keys, at(0));
    expect((await loginAllowed(keys, at(MINUTE))).allowed).toBe(false);
    await clearLoginFailures(keys);
    expect(await row(keys.account)).toBeNull();
    expect(await row(keys.ip!)).toMatchObject({ count: 5 });
    expect(await loginAllowed(keys, at(MINUTE))).toEqual({ allowed: true });
  });

  test('concurrent failures are all counted (atomic upsert)', async () => {
    const keys = loginKeys('burst@example.com', '198.51.100.3');
    await Promise.all(Array.from({ length: 25 }, () => recordLoginFailure(keys, at(0))));
    expect(await row(keys.account)).toEqual({ key: keys.account, count: 25, windowStart: T0 });
    expect(await row(keys.ip!)).toEqual({ key: keys.ip, count: 25, windowStart: T0 });
  });

  test('without an address only the account is counted', async () => {
    const keys = loginKeys('no-ip@example.com', null);
    const before = await getTestDb().db.loginAttempt.count();
    await recordLoginFailure(keys, at(0));
    expect(await getTestDb().db.loginAttempt.count()).toBe(before + 1);
    expect(await row(keys.account)).toMatchObject({ count: 1 });
  });

  test('sign-ups: 10 an hour per address, then refused until the hour is over; other addresses unaffected', async () => {
    expect(SIGNUP_LIMIT).toEqual({ max: 10, windowMs: 60 * MINUTE });
    for (let i = 0; i < 10; i++) expect(await takeSignupSlot('198.51.100.9', at(i * MINUTE))).toEqual({ allowed: true });
    // Every attempt counts: the 11th is refused, with the time left in the hour that began at T0.
    expect(await takeSignupSlot('198.51.100.9', at(20 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 40 * 60 });
    expect(await takeSignupSlot('::ffff:198.51.100.9', at(21 * MINUTE))).toMatchObject({ allowed: false });
    expect(await takeSignupSlot('198.51.100.10', at(21 * MINUTE))).toEqual({ allowed: true });
    expect(await takeSignupSlot('198.51.100.9', at(60 * MINUTE))).toEqual({ allowed: true });
    expect(await row('signup:ip:198.51.100.9')).toEqual({ key: 'signup:ip:198.51.100.9', count: 1, windowStart: at(60 * MINUTE) });
  });

  test('sign-ups from unknown addresses share one limit', async () => {
    const later = at(24 * 60 * MINUTE);
    for (let i = 0; i < 10; i++) await takeSignupSlot(null, later);
    expect(await takeSignupSlot(' ', later)).toMatchObject({ allowed: false });
  });

  test('rows whose window ended over an hour ago are deleted as new attempts come in', async () => {
    const stale = loginKeys('stale@example.com', '192.0.2.50');
    await recordLoginFailure(stale, at(2 * 24 * 60 * MINUTE));
    expect(await row(stale.account)).not.toBeNull();
    await takeSignupSlot('192.0.2.51', at(2 * 24 * 60 * MINUTE + 61 * MINUTE));
    expect(await row(stale.account)).toBeNull();
    expect(await row(stale.ip!)).toBeNull();
    expect(await row('signup:ip:192.0.2.51')).not.toBeNull();
  });
});
