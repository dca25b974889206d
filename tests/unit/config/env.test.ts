import { describe, expect, test } from 'vitest';
import { resolveDbConfig } from '@/lib/db/config';
import { parseEnv } from '@/lib/config/env';

const secret = 'x'.repeat(32);

describe('environment', () => {
  test('development needs nothing', () => {
    expect(parseEnv({ NODE_ENV: 'development' })).toMatchObject({ NODE_ENV: 'development' });
  });

  test('production without DATABASE_URL or NEXTAUTH_SECRET lists both in one message', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      [
        'Invalid configuration (see .env.example):',
        '  - DATABASE_URL: is required in production (a PostgreSQL URL; to self-host on the embedded database on one machine, set ALLOW_EMBEDDED_DATABASE=1 instead)',
        '  - NEXTAUTH_SECRET: is required in production (any random string of 32+ characters: `openssl rand -base64 32`)',
      ].join('\n'),
    );
  });

  test('the embedded database in production is an explicit opt-in', () => {
    expect(parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, ALLOW_EMBEDDED_DATABASE: '1' }).DATABASE_URL).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, ALLOW_EMBEDDED_DATABASE: 'yes' })).toThrow(
      /ALLOW_EMBEDDED_DATABASE/,
    );
    expect(() => resolveDbConfig({ NODE_ENV: 'production' })).toThrow(
      'DATABASE_URL is not set: in production the embedded database is used only with ALLOW_EMBEDDED_DATABASE=1.',
    );
    expect(resolveDbConfig({ NODE_ENV: 'production', ALLOW_EMBEDDED_DATABASE: 'true', PGLITE_DIR: '/srv/db' })).toEqual({
      kind: 'pglite',
      dataDir: '/srv/db',
    });
    expect(resolveDbConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' })).toMatchObject({ kind: 'postgres' });
  });

  test('every problem is reported at once, by variable', () => {
    let message = '';
    try {
      parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'mysql://x', NEXTAUTH_SECRET: 'short', GITHUB_ID: 'id' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').slice(1)).toEqual([
      '  - DATABASE_URL: must be a postgres:// or postgresql:// URL',
      '  - NEXTAUTH_SECRET: must be at least 32 characters (npm run dev writes one into .env.local)',
      '  - GITHUB_ID: GITHUB_ID and GITHUB_SECRET must be set together',
    ]);
  });

  test('empty values count as unset', () => {
    expect(
      parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, ALLOW_EMBEDDED_DATABASE: '1', DATABASE_URL: '' }).DATABASE_URL,
    ).toBeUndefined();
  });

  test('TRUSTED_PROXY_COUNT: 0 unless set, a small whole number', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).TRUSTED_PROXY_COUNT).toBe(0);
    expect(parseEnv({ NODE_ENV: 'development', TRUSTED_PROXY_COUNT: '2' }).TRUSTED_PROXY_COUNT).toBe(2);
    for (const bad of ['-1', '1.5', 'one', '11']) {
      expect(() => parseEnv({ NODE_ENV: 'development', TRUSTED_PROXY_COUNT: bad }), bad).toThrow(/TRUSTED_PROXY_COUNT: /);
    }
  });

  test('SMTP_URL must be smtp:// or smtps:// and needs MAIL_FROM; the message never echoes the URL', () => {
    const from = 'Papers <no-reply@example.com>';
    expect(parseEnv({ NODE_ENV: 'development', SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: from })).toMatchObject({
      SMTP_URL: 'smtps://u:p@mail.example:465',
      MAIL_FROM: from,
    });
    expect(() => parseEnv({ NODE_ENV: 'development', SMTP_URL: 'smtp://mail.example:587' })).toThrow(
      '  - MAIL_FROM: is required with SMTP_URL (the sender of reset mail, e.g. "Papers Review <no-reply@example.com>")',
    );
    let message = '';
    try {
      parseEnv({ NODE_ENV: 'development', SMTP_URL: 'https://user:secret-pass@mail.example', MAIL_FROM: from });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SMTP_URL: must be an smtp:// or smtps:// URL');
    expect(message).not.toContain('secret-pass');
  });
});
