import { describe, expect, test } from 'vitest';
import { parseReviewSource } from '@/lib/content/source/parse-review';
import { arxivIdFromUrl } from '@/lib/content/source/papers';

const parse = (source: string, slug = 'papers/y2025/nov/20251121') =>
  parseReviewSource(source, { file: `/content/${slug}.mdx`, slug }, '/content').papers;

describe('paper headings', () => {
  test.each([
    {
      variant: 'Hugging Face link, badge, following h3',
      source: '## 1. [GDPO](https://huggingface.co/papers/2601.05242) `nvidia`\n\n### Group reward-Decoupled Policy Optimization',
      paper: { position: 1, name: 'GDPO', arxivId: '2601.05242', paperId: 'arxiv:2601.05242', orgs: ['nvidia'], subtitle: 'Group reward-Decoupled Policy Optimization', anchor: '1-gdpo-nvidia' },
    },
    {
      variant: 'no link',
      source: '## 3. [MiMo-Embodied] `xiaomi`',
      paper: { position: 3, name: 'MiMo-Embodied', link: null, arxivId: null, paperId: 'papers/y2025/nov/20251121#3-mimo-embodied-xiaomi', orgs: ['xiaomi'], anchor: '3-mimo-embodied-xiaomi' },
    },
    {
      variant: 'project page link',
      source: '## 2. [SAM 3D](https://ai.meta.com/sam3d/) `meta`',
      paper: { name: 'SAM 3D', link: 'https://ai.meta.com/sam3d/', arxivId: null, paperId: 'papers/y2025/nov/20251121#2-sam-3d-meta' },
    },
    {
      variant: 'long title in the h2, no link, no h3',
      source: '## 4. Scaling Laws for Reward Model Overoptimization in Direct Alignment\n\nText.',
      paper: { position: 4, name: 'Scaling Laws for Reward Model Overoptimization in Direct Alignment', subtitle: null, orgs: [] },
    },
    {
      variant: 'two org badges',
      source: '## 5. [DINO-X](https://arxiv.org/abs/2511.01234) `meta` `nyu`',
      paper: { orgs: ['meta', 'nyu'], arxivId: '2511.01234', anchor: '5-dino-x-meta-nyu' },
    },
    {
      variant: 'no badge, versioned PDF link',
      source: '## 6. [Kimi](https://arxiv.org/pdf/2510.04567v2)',
      paper: { orgs: [], arxivId: '2510.04567', paperId: 'arxiv:2510.04567' },
    },
  ])('$variant', ({ source, paper }) => {
    const [found, ...rest] = parse(source);
    expect(rest).toEqual([]);
    expect(found).toMatchObject(paper);
  });

  test('an h3 that does not directly follow is not the subtitle; other h2s are not papers', () => {
    const papers = parse('## Introduction\n\n## 1. [A](https://arxiv.org/abs/2501.00001)\n\nBody.\n\n### Notes\n\n## 2. B');
    expect(papers.map((p) => [p.position, p.name, p.subtitle])).toEqual([
      [1, 'A', null],
      [2, 'B', null],
    ]);
  });
});

describe('arXiv ids', () => {
  test.each([
    ['https://huggingface.co/papers/2601.05242', '2601.05242'],
    ['https://arxiv.org/abs/2510.12345v3', '2510.12345'],
    ['https://arxiv.org/pdf/2510.12345v2.pdf', '2510.12345'],
    ['https://arxiv.org/pdf/2510.12345', '2510.12345'],
    ['http://www.arxiv.org/abs/1706.03762', '1706.03762'],
    ['https://arxiv.org/abs/cs/0112017v1', 'cs/0112017'],
    ['https://ai.meta.com/sam3d/', null],
    ['https://github.com/org/repo', null],
  ])('%s → %s', (url, id) => {
    expect(arxivIdFromUrl(url)).toBe(id);
  });
});
