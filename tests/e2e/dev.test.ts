import { expect, test } from 'vitest';
import { THEME_SCRIPT_HASH } from '@/lib/config/theme';
import { buildIndex } from '@/lib/content/index/content-index';
import { startDevServer } from '@/tests/support/server';
import { cspViolations, recordCspViolations, setupBrowser, waitForHydration } from '@/tests/e2e/browser';

const browser = setupBrowser();
const review = buildIndex(undefined, undefined, { drafts: true }).reviews.find((r) => !r.draft)!;

// The README's quick start is `npm run dev`: under the development policy
// (nonce on every page, eval for React's tooling) a review page must still
// hydrate with no CSP violation.
test('npm run dev serves a review that hydrates under the development CSP', { timeout: 240_000 }, async () => {
  const app = await startDevServer();
  try {
    const response = await fetch(`${app.baseURL}${review.url}`);
    expect(response.status).toBe(200);
    // The theme script in <head> cannot carry React's nonce: it is allowed by its hash.
    expect(response.headers.get('content-security-policy')).toContain(`script-src 'self' '${THEME_SCRIPT_HASH}' 'nonce-`);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' '[^']+' 'nonce-[^']+' 'unsafe-eval'/);

    const context = await browser().newContext({ baseURL: app.baseURL });
    await recordCspViolations(context);
    const page = await context.newPage();
    await page.goto(review.url);
    await expect.poll(() => page.locator('button[data-bookmark]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    // next dev compiles the page's client chunks on this first visit: allow for it.
    await waitForHydration(page, { timeout: 120_000 });
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  } finally {
    await app.stop();
  }
});
