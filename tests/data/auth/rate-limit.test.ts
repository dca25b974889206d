import { expect, test } from 'vitest';
import {
  beginLoginAttempt,
  FREE_ACCOUNT_FAILURES,
  LOGIN_LIMITS,
  loginDelayMs,
  loginKeys,
  loginSucceeded,
  RESET_LIMITS,
  SIGNUP_LIMIT,
  takeResetSlot,
  takeSignupSlot,
  TooManyAttemptsError,
  underLoginLimits,
} from '@/lib/auth/rate-limit';
import { describeEachBackend } from '@/tests/support/db';

const MINUTE = 60_000;
const T0 = new Date('2026-11-22T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

test('loginKeys: lower-cased email, the address with it and alone', () => {
  expect(loginKeys(' Ada@Example.com ', '203.0.113.7')).toEqual({
    account: 'login:email:ada@example.com',
    pair: 'login:pair:203.0.113.7 ada@example.com',
    ip: 'login:ip:203.0.113.7',
  });
  expect(loginKeys('a@b.c', null)).toEqual({ account: 'login:email:a@b.c', pair: 'login:pair:unknown a@b.c', ip: null });
  expect(loginKeys('a@b.c', ' ')).toMatchObject({ pair: 'login:pair:unknown a@b.c', ip: null });
  expect(loginKeys('a@b.c', '::ffff:203.0.113.7').ip).toBe('login:ip:203.0.113.7');
  expect(loginKeys('a@b.c', '2001:DB8::1').ip).toBe('login:ip:2001:db8::1');
});

test('delays: none for the first failures, then doubling from 0.5 s up to 8 s', () => {
  expect(FREE_ACCOUNT_FAILURES).toBe(5);
  expect([0, 4, 5, 6, 7, 8, 9, 10, 50].map(loginDelayMs)).toEqual([0, 0, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
});

describeEachBackend('login rate limit', (getTestDb) => {
  const row = (key: string) => getTestDb().db.loginAttempt.findUnique({ where: { key } });
  /** n failed attempts (a wrong password needs no further call: the slot stays taken). */
  const fail = async (email: string, ip: string | null, n: number, when = at(0)) => {
    for (let i = 0; i < n; i++) await beginLoginAttempt(loginKeys(email, ip), when);
  };

  test('five wrong passwords from one address refuse that address for that account only, until the window ends', async () => {
    const attacker = loginKeys('owner@example.com', '198.51.100.66');
    for (let i = 0; i < 5; i++) expect(await beginLoginAttempt(attacker, at(i * MINUTE))).toMatchObject({ allowed: true });
    // The window started at T0 with the first attempt: 15 min - 5 min = 600 s left.
    expect(await beginLoginAttempt(attacker, at(5 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 600 });
    expect(await beginLoginAttempt(attacker, at(15 * MINUTE - 1000))).toEqual({ allowed: false, retryAfterSeconds: 1 });

    // The owner, from their own address, may try: the account's 5 failures cost a first 0.5 s wait, no refusal.
    expect(await beginLoginAttempt(loginKeys('owner@example.com', '203.0.113.5'), at(6 * MINUTE))).toEqual({ allowed: true, delayMs: 500 });
    // The attacker's address can still try other accounts (its own limit is 30).
    expect(await beginLoginAttempt(loginKeys('other@example.com', '198.51.100.66'), at(6 * MINUTE))).toMatchObject({ allowed: true });

    // Once the window is over, the pair starts again at 1.
    expect(await beginLoginAttempt(attacker, at(15 * MINUTE))).toMatchObject({ allowed: true });
    expect(await row(attacker.pair)).toEqual({ key: attacker.pair, count: 1, windowStart: at(15 * MINUTE) });
  });

  test('an account guessed at from many addresses is never refused; its attempts are delayed more and more', async () => {
    const email = 'popular@example.com';
    // 12 failures from 12 addresses: no pair reaches its limit.
    for (let i = 0; i < 12; i++) await fail(email, `192.0.2.${i}`, 1);
    expect(await row(loginKeys(email, null).account)).toMatchObject({ count: 12 });
    const owner = await beginLoginAttempt(loginKeys(email, '203.0.113.200'), at(MINUTE));
    expect(owner).toEqual({ allowed: true, delayMs: loginDelayMs(12) });
    expect(owner).toEqual({ allowed: true, delayMs: 8000 });
  });

  test('a success clears its pair and gives back its slots, so the counts hold failures only', async () => {
    const keys = loginKeys('clear@example.com', '198.51.100.2');
    await fail('clear@example.com', '198.51.100.2', 3);
    await beginLoginAttempt(keys, at(0));
    await loginSucceeded(keys);
    expect(await row(keys.pair)).toBeNull();
    expect(await row(keys.account)).toMatchObject({ count: 3 });
    expect(await row(keys.ip!)).toMatchObject({ count: 3 });
  });

  test('the per-address limit: 30 attempts on any accounts, then this address is refused everywhere', async () => {
    const ip = '192.0.2.10';
    for (let i = 0; i < LOGIN_LIMITS.perAddress.max; i++) await fail(`spray-${i}@example.com`, ip, 1, at(i * 1000));
    expect(await beginLoginAttempt(loginKeys('fresh@example.com', ip), at(MINUTE))).toEqual({
      allowed: false,
      retryAfterSeconds: 14 * 60,
    });
    expect(await beginLoginAttempt(loginKeys('fresh@example.com', '192.0.2.11'), at(MINUTE))).toEqual({ allowed: true, delayMs: 0 });
    expect(await beginLoginAttempt(loginKeys('fresh@example.com', ip), at(15 * MINUTE))).toMatchObject({ allowed: true });
  });

  test('parallel attempts cannot slip past the limit: each takes its slot before any password is checked', async () => {
    const keys = loginKeys('burst@example.com', '198.51.100.3');
    const gates = await Promise.all(Array.from({ length: 25 }, () => beginLoginAttempt(keys, at(0))));
    expect(gates.filter((gate) => gate.allowed)).toHaveLength(LOGIN_LIMITS.perAccountAndAddress.max);
    expect(await row(keys.pair)).toEqual({ key: keys.pair, count: 25, windowStart: T0 });
    expect(await row(keys.ip!)).toEqual({ key: keys.ip, count: 25, windowStart: T0 });
  });

  test('underLoginLimits: refused with TooManyAttemptsError before the check runs; a right password gives its slots back', async () => {
    let checks = 0;
    const wrong = () => {
      checks++;
      return Promise.resolve(null);
    };
    for (let i = 0; i < 5; i++) expect(await underLoginLimits('guarded@example.com', '198.51.100.4', wrong)).toBeNull();
    const refused = await underLoginLimits('guarded@example.com', '198.51.100.4', wrong).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
    expect(refused).toMatchObject({
      status: 429,
      message: expect.stringMatching(/^Too many attempts from this network\. Wait 15 minutes/),
    });
    expect(checks).toBe(5);
    // From elsewhere the right password still works, and its slot is given back.
    expect(await underLoginLimits('guarded@example.com', '198.51.100.5', () => Promise.resolve('user'))).toBe('user');
    expect(await row('login:pair:198.51.100.5 guarded@example.com')).toBeNull();
    expect(await row('login:email:guarded@example.com')).toMatchObject({ count: 5 });
  });

  test('without an address, the account is counted and all unknown clients share one pair', async () => {
    const keys = loginKeys('no-ip@example.com', null);
    await fail('no-ip@example.com', null, 1);
    expect(await row(keys.account)).toMatchObject({ count: 1 });
    expect(await row(keys.pair)).toMatchObject({ count: 1 });
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

  test('reset requests: 5 an hour per address, 3 an hour per email whoever asks', async () => {
    expect(RESET_LIMITS).toEqual({ perAddress: { max: 5, windowMs: 60 * MINUTE }, perEmail: { max: 3, windowMs: 60 * MINUTE } });
    for (let i = 0; i < 3; i++) expect(await takeResetSlot('Inbox@Example.com', `203.0.113.${i}`, at(0))).toEqual({ allowed: true });
    expect(await takeResetSlot('inbox@example.com', '203.0.113.9', at(MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 59 * 60 });
    for (let i = 0; i < 5; i++) expect(await takeResetSlot(`r${i}@example.com`, '203.0.113.50', at(0))).toEqual({ allowed: true });
    expect(await takeResetSlot('r9@example.com', '203.0.113.50', at(0))).toMatchObject({ allowed: false });
  });

  test('rows whose window ended over an hour ago are deleted as new attempts come in', async () => {
    const stale = loginKeys('stale@example.com', '192.0.2.50');
    await beginLoginAttempt(stale, at(2 * 24 * 60 * MINUTE));
    expect(await row(stale.account)).not.toBeNull();
    await takeSignupSlot('192.0.2.51', at(2 * 24 * 60 * MINUTE + 61 * MINUTE));
    for (const key of [stale.account, stale.pair, stale.ip!]) expect(await row(key)).toBeNull();
    expect(await row('signup:ip:192.0.2.51')).not.toBeNull();
  });
});
