import { expect, test } from 'vitest';
import { archiveFolders, archiveTitle, neighbouringMonths, reviewsInFolder } from '@/lib/content/index/archive';
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

test('a month archive links to the neighbouring months that have reviews, across years', () => {
  const index = buildIndex(
    writeContent({
      'papers/y2024/dec/20241220.mdx': paper,
      'papers/y2025/jan/20250110.mdx': paper,
      'papers/y2025/mar/20250307.mdx': paper,
    }),
  );
  expect(neighbouringMonths(index, 'papers/y2025/jan')).toEqual({
    older: { folder: 'papers/y2024/dec', title: 'December 2024', url: '/docs/papers/y2024/dec' },
    newer: { folder: 'papers/y2025/mar', title: 'March 2025', url: '/docs/papers/y2025/mar' },
  });
  expect(neighbouringMonths(index, 'papers/y2024/dec').older).toBeNull();
  expect(neighbouringMonths(index, 'papers/y2025/mar').newer).toBeNull();
  expect(neighbouringMonths(index, 'papers/y2025')).toEqual({ older: null, newer: null });
});
