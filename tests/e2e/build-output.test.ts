import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { listContentFiles } from '../../lib/content/files';

// Serverless deployments ship only the files traced into each function: every
// route that looks papers up in content/ must carry it. Runs on the build the
// e2e setup made.
const routes = ['(account)/bookmarks/page', '(account)/notes/page', '(reader)/docs/[...slug]/page', 'api/bookmarks/route', 'api/notes/route', 'api/status/route', 'api/reader/state/route'];

test.each(routes)('%s has every review file traced', (route) => {
  const nft = path.resolve('.next/server/app', `${route}.js.nft.json`);
  expect(existsSync(nft), nft).toBe(true);
  const traced = (JSON.parse(readFileSync(nft, 'utf8')) as { files: string[] }).files.map((file) => path.resolve(path.dirname(nft), file));
  for (const review of listContentFiles()) expect(traced).toContain(review.file);
});
