import { expect, test } from 'vitest';
import { archiveFolders, archiveTitle, reviewsInFolder } from '@/lib/content/index/archive';
import { buildIndex } from '@/lib/content/index/content-index';
import { writeContent } from '@/tests/support/content';

const paper = '## 1. [P](https://arxiv.org/abs/2501.00001)';

test('every folder of reviews is an archive, named like the Docusaurus folders', () => {
  const index = buildIndex(
    writeContent({ 'papers/y2025/nov/20251121.mdx': paper, 'papers/y2025/nov/20251114.mdx': paper, 'papers/y2025/oct/20251027.mdx': paper }),
  );
  expect(archiveFolders(index)).toEqual(['papers', 'papers/y2025', 'papers/y2025/nov', 'papers/y2025/oct']);
  expect(reviewsInFolder(index, 'papers/y2025/nov').map((r) => r.slug)).toEqual(['papers/y2025/nov/20251121', 'papers/y2025/nov/20251114']);
  expect(reviewsInFolder(index, 'papers/y2025/no')).toEqual([]);
  expect([archiveTitle('papers/y2025/nov'), archiveTitle('papers/y2025'), archiveTitle('papers')]).toEqual(['November 2025', '2025', 'papers']);
});
