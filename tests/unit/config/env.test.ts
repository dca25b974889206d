import { describe, expect, test } from 'vitest';
import { resolveDbConfig } from '@/lib/db/config';
import { parseEnv } from '@/lib/config/env';

const secret = 'x'.repeat(32);

describe('environment', () => {
  test('development needs nothing', () => {
    expect(parseEnv({ NODE_ENV: 'development' })).toMatchObject({ NODE_ENV: 'development' });
  });

  test('production without DATABASE_URL, NEXTAUTH_SECRET or SITE_URL lists all three in one message', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      [
        'Invalid configuration (see .env.example):',
        '  - DATABASE_URL: is required in production (a PostgreSQL URL; to self-host on the embedded database on one machine, set ALLOW_EMBEDDED_DATABASE=1 instead)',
        '  - NEXTAUTH_SECRET: is required in production (any random string of 32+ characters: `openssl rand -base64 32`)',
        '  - SITE_URL: is required in production (the public origin, e.g. https://papers.example.com: feeds, sitemap, robots.txt, Open Graph tags and export links use it, and would say http://localhost:3000 without it; on Vercel, its production URL is used)',
      ].join('\n'),
    );
  });

  test("production takes SITE_URL, or Vercel's production URL on Vercel; NEXTAUTH_URL alone is not enough", () => {
    const base = { NODE_ENV: 'production', NEXTAUTH_SECRET: secret, DATABASE_URL: 'postgres://h/db' };
    expect(() => parseEnv({ ...base, NEXTAUTH_URL: 'https://papers.example.com' })).toThrow(/SITE_URL: is required in production/);
    expect(parseEnv({ ...base, SITE_URL: 'https://papers.example.com' }).SITE_URL).toBe('https://papers.example.com');
    expect(() => parseEnv({ ...base, VERCEL_PROJECT_PRODUCTION_URL: 'papers.vercel.app' })).not.toThrow();
    expect(() => parseEnv({ ...base, SITE_URL: 'papers.example.com' })).toThrow(/SITE_URL: /);
    expect(() => parseEnv({ NODE_ENV: 'development' })).not.toThrow();
  });

  test('the embedded database in production is an explicit opt-in', () => {
    const site = { SITE_URL: 'https://papers.example.com' };
    expect(
      parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, ALLOW_EMBEDDED_DATABASE: '1', ...site }).DATABASE_URL,
    ).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, ALLOW_EMBEDDED_DATABASE: 'yes', ...site })).toThrow(
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
      parseEnv({
        NODE_ENV: 'production',
        DATABASE_URL: 'mysql://x',
        NEXTAUTH_SECRET: 'short',
        GITHUB_ID: 'id',
        SITE_URL: 'https://p.example',
      });
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
      parseEnv({
        NODE_ENV: 'production',
        NEXTAUTH_SECRET: secret,
        ALLOW_EMBEDDED_DATABASE: '1',
        DATABASE_URL: '',
        SITE_URL: 'https://p.example',
      }).DATABASE_URL,
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
