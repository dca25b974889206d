import { describe, expect, test } from 'vitest';
import { parseReviewSource } from '@/lib/content/source/parse-review';
import { arxivIdFromUrl } from '@/lib/content/source/papers';
import { buildIndex } from '@/lib/content/index/content-index';
import { paperPage, paperPages } from '@/lib/content/index/paper-pages';
import { paperHref, paperPageId } from '@/lib/content/urls';
import { writeContent } from '@/tests/support/content';

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

describe("what a paper's section says", () => {
  test('the first paragraph after the heading (past the h3 and an image), the project page and the first GitHub link', () => {
    const [paper, next] = parse(
      [
        '## 1. [SAM 3D](https://ai.meta.com/sam3d/) `meta`',
        '### SAM 3D: 3Dfy Anything',
        '![fig](https://example.com/a.png)',
        'SAM 3D **rebuilds** objects from\none image.',
        'Code: [repo](https://github.com/facebookresearch/sam-3d-objects), also https://github.com/other/repo.',
        '## 2. [GDPO](https://arxiv.org/abs/2510.05242)',
        'Second.',
      ].join('\n\n'),
    );
    expect(paper).toMatchObject({
      excerpt: 'SAM 3D rebuilds objects from one image.',
      projectUrl: 'https://ai.meta.com/sam3d/',
      codeUrl: 'https://github.com/facebookresearch/sam-3d-objects',
    });
    // An arXiv heading link is not a project page; a section's links stay in it.
    expect(next).toMatchObject({ excerpt: 'Second.', projectUrl: null, codeUrl: null });
  });

  test('a section with no paragraph has an empty excerpt', () => {
    expect(parse('## 1. [A](https://arxiv.org/abs/2501.00001)\n\n- only a list\n\n## 2. B\n\nText.')[0]?.excerpt).toBe('');
  });
});

describe('paper pages', () => {
  test('ids are the arXiv id, or the review slug and anchor, URL-safe', () => {
    expect(paperPageId('arxiv:2511.16043')).toBe('2511.16043');
    expect(paperPageId('arxiv:hep-th/9901001')).toBe('hep-th_9901001');
    expect(paperPageId('papers/y2025/nov/20251121#1-sam-3d-meta')).toBe('papers-y2025-nov-20251121--1-sam-3d-meta');
    expect(paperHref('papers/y2025/nov/20251121#1-한국어')).toBe(`/papers/papers-y2025-nov-20251121--1-${encodeURIComponent('한국어')}`);
  });

  test('every paper in content/ has one page, found by its id, with other papers from its orgs', () => {
    const index = buildIndex(undefined, undefined, { drafts: false });
    const pages = paperPages(index);
    expect(pages.size).toBe(index.papers.length);
    for (const paper of index.papers) expect(paperPage(paperPageId(paper.paperId), index)?.paper).toBe(paper);
    const withOrg = index.papers.find((paper) => index.papers.some((other) => other !== paper && other.orgs.some((o) => paper.orgs.includes(o))))!;
    const { sameOrg } = paperPage(paperPageId(withOrg.paperId), index)!;
    expect(sameOrg.length).toBeGreaterThan(0);
    expect(sameOrg).not.toContain(withOrg);
    for (const other of sameOrg) expect(other.orgs.some((o) => withOrg.orgs.includes(o))).toBe(true);
    expect(paperPage('no-such-paper', index)).toBeNull();
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

describe('paper metadata from content/papers-metadata.json', () => {
  const review = '# Review\n\n## 1. [Agent0](https://huggingface.co/papers/2511.16043) `unc`\n\nText.\n\n## 2. [Other](https://ai.example/x)\n\nMore.\n';
  const agent0 = { title: 'Agent0: Unleashing Self-Evolving Agents', authors: ['Peng Xia'], abstract: 'Abstract.', published: '2025-11-20', updated: '2025-11-21' };

  test('the index gives each synced arXiv paper its metadata; others have none', () => {
    const root = writeContent({
      'papers/y2025/nov/20251121.mdx': review,
      'papers-metadata.json': JSON.stringify({ version: 1, papers: { '2511.16043': agent0 } }),
    });
    const papers = buildIndex(root, undefined, { drafts: false }).papers;
    expect(papers.map((p) => [p.name, p.metadata])).toEqual([
      ['Agent0', agent0],
      ['Other', null],
    ]);
  });

  test('no file: papers have no metadata; a malformed file names itself and the field', () => {
    expect(buildIndex(writeContent({ 'papers/y2025/nov/20251121.mdx': review }), undefined, { drafts: false }).papers[0]!.metadata).toBeNull();
    const root = writeContent({
      'papers/y2025/nov/20251121.mdx': review,
      'papers-metadata.json': JSON.stringify({ version: 1, papers: { '2511.16043': { ...agent0, published: 'Nov 20' } } }),
    });
    expect(() => buildIndex(root, undefined, { drafts: false })).toThrow(/papers-metadata\.json: papers\.2511\.16043\.published:/);
  });
});
