import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { checkVercelOutput } from '@/scripts/verify-vercel';

// `npm run verify:vercel` proves a real output green in CI; this proves it says what is wrong with a bad one.
test('an output that would deploy wrong is refused, each problem by name', () => {
  const project = mkdtempSync(path.join(tmpdir(), 'verify-vercel-'));
  symlinkSync(path.resolve('content'), path.join(project, 'content'));
  const output = path.join(project, '.vercel', 'output');
  const review = buildIndex(undefined, undefined, { drafts: false }).reviews[0]!;
  // The review rendered per request instead of prerendered; no API functions; no proxy.
  const reviewFunc = path.join(output, 'functions', `${review.url.slice(1)}.func`);
  mkdirSync(reviewFunc, { recursive: true });
  writeFileSync(path.join(reviewFunc, '.vc-config.json'), JSON.stringify({ handler: 'index.js', runtime: 'nodejs24.x' }));
  writeFileSync(path.join(output, 'config.json'), JSON.stringify({ version: 2, routes: [] }));

  const { problems, figures } = checkVercelOutput(output, project);
  expect(problems).toEqual(
    expect.arrayContaining([
      'config.json: expected "version": 3, found 2',
      `review ${review.url} is not prerendered: no static/ file and no .prerender-config.json with a fallback in functions/`,
      '/api/auth/[...nextauth] is not a function: no functions/api/auth/[...nextauth].func with a .vc-config.json',
      '/api/notes/[id] is not a function: no functions/api/notes/[id].func with a .vc-config.json',
      '/bookmarks has no function, so nothing can read content/ for it at run time',
      'no functions/_middleware.func: proxy.ts (CSP, request ids) was not deployed',
      'config.json sets no Strict-Transport-Security: the security headers of next.config.ts are missing',
    ]),
  );
  expect(problems.some((p) => p.startsWith('content image content/') && p.includes('ships nowhere'))).toBe(true);
  expect(figures.functions).toBe(1);
});
