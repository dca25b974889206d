import { beforeAll, describe, expect, test } from 'vitest';
import { buildIndex, type ContentIndex } from '@/lib/content/index/content-index';
import { robotsConfig, sitemapEntries } from '@/lib/seo/sitemap';
import { writeContent } from '@/tests/support/content';

const origin = 'https://papers.example.org';
let index: ContentIndex;

beforeAll(() => {
  const root = writeContent({
    'papers/y2025/nov/20251121.mdx': [
      '---',
      'tags: [Reinforcement Learning, 에이전트]',
      '---',
      '# Nov 21',
      '',
      '## 1. [GDPO](https://arxiv.org/abs/2510.05242) `nvidia`',
      '',
    ].join('\n'),
    'papers/y2025/nov/20251114.mdx': [
      '---',
      'tags: [Reinforcement Learning]',
      '---',
      '# Nov 14',
      '',
      '## 1. [SAM 3D](https://arxiv.org/abs/2511.16624) `meta`',
      '',
    ].join('\n'),
    'papers/y2025/oct/20251027.mdx': ['# Oct 27', '', '## 1. [Again](https://arxiv.org/abs/2510.05242) `nvidia`', ''].join('\n'),
  });
  index = buildIndex(root);
});

describe('sitemap', () => {
  test('lists home, papers, every review, month folders, orgs and tags with absolute URLs', () => {
    const entries = sitemapEntries(index, `${origin}/`);
    const dates = Object.fromEntries(
      entries.map((e) => [e.url, e.lastModified instanceof Date ? e.lastModified.toISOString().slice(0, 10) : e.lastModified]),
    );
    expect(dates).toEqual({
      [`${origin}/`]: '2025-11-21',
      [`${origin}/papers`]: '2025-11-21',
      [`${origin}/docs/papers/y2025/nov/20251121`]: '2025-11-21',
      [`${origin}/docs/papers/y2025/nov/20251114`]: '2025-11-14',
      [`${origin}/docs/papers/y2025/oct/20251027`]: '2025-10-27',
      [`${origin}/docs/papers`]: '2025-11-21',
      [`${origin}/docs/papers/y2025`]: '2025-11-21',
      [`${origin}/docs/papers/y2025/nov`]: '2025-11-21',
      [`${origin}/docs/papers/y2025/oct`]: '2025-10-27',
      [`${origin}/orgs/nvidia`]: '2025-11-21',
      [`${origin}/orgs/meta`]: '2025-11-14',
      [`${origin}/tags/reinforcement-learning`]: '2025-11-21',
      [`${origin}/tags/${encodeURIComponent('에이전트')}`]: '2025-11-21',
    });
    expect(entries).toHaveLength(Object.keys(dates).length);
  });
});

describe('robots', () => {
  test('allows everything but the private pages and points at the sitemap', () => {
    expect(robotsConfig(`${origin}/`)).toEqual({
      rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/bookmarks', '/library', '/notes', '/account', '/signin'] },
      sitemap: `${origin}/sitemap.xml`,
    });
  });
});
