import { describe, expect, test } from 'vitest';
import { parseEnv } from '@/lib/env';

const secret = 'x'.repeat(32);

describe('environment', () => {
  test('development needs nothing', () => {
    expect(parseEnv({ NODE_ENV: 'development' })).toMatchObject({ NODE_ENV: 'development' });
  });

  test('production without NEXTAUTH_SECRET lists what is missing', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/Invalid configuration[\s\S]*NEXTAUTH_SECRET: is required in production/);
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
    expect(parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
