import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function providersWith(env: Record<string, string>) {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const auth = await import('@/lib/auth/options');
  return { listed: auth.oauthProviders().map((p) => p.id), configured: auth.authOptions().providers.map((p) => p.id) };
}

test('only email and password without OAuth keys', async () => {
  expect(await providersWith({ GITHUB_ID: '', GITHUB_SECRET: '', GOOGLE_ID: '', GOOGLE_SECRET: '' })).toEqual({
    listed: [],
    configured: ['credentials'],
  });
});

test('GitHub and Google appear when their id and secret are set', async () => {
  expect(await providersWith({ GITHUB_ID: 'gh', GITHUB_SECRET: 'ghs', GOOGLE_ID: 'go', GOOGLE_SECRET: 'gos' })).toEqual({
    listed: ['github', 'google'],
    configured: ['credentials', 'github', 'google'],
  });
});
