import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { isContentPath } from '@/lib/content/index/queries';
import { png, writeContent } from '@/tests/support/content';

const root = writeContent({
  'papers/y2025/oct/20251027.mdx': [
    '# 10월 27일 리뷰',
    '',
    '이번 주의 **첫 문단**입니다.',
    '',
    '## 1. [GDPO](https://huggingface.co/papers/2601.05242) `nvidia`',
    '',
    '## 2. Search Self-Play',
  ].join('\n'),
  'papers/y2025/nov/20251121.mdx': [
    '# 11월 21일 리뷰',
    '',
    '## 1. [GDPO v2 notes](https://arxiv.org/abs/2601.05242v2) `nvidia` `cmu`',
    '',
    '### Group reward-Decoupled Policy Optimization',
  ].join('\n'),
  'papers/y2025/nov/english.md': [
    '---',
    'title: An English review',
    'date: 2025-11-14',
    'tags: [agents, rl]',
    'authors: [jane]',
    'description: Set in front matter.',
    '---',
    '',
    '## 1. [Agent](https://arxiv.org/abs/2511.00001)',
  ].join('\n'),
  'papers/y2025/nov/20251128.mdx': ['---', 'draft: true', '---', '', '# Draft', '', '## 1. [Secret](https://arxiv.org/abs/2511.99999)'].join('\n'),
  'papers/y2025/nov/_partial.mdx': '## not a review',
});

afterEach(() => vi.unstubAllEnvs());

describe('content index', () => {
  test('reviews newest first with title, date and description from front matter or the file', () => {
    const index = buildIndex(root, undefined, { drafts: false });
    expect(index.reviews.map((r) => [r.url, r.title, r.date, r.description])).toEqual([
      ['/docs/papers/y2025/nov/20251121', '11월 21일 리뷰', '2025-11-21', ''],
      ['/docs/papers/y2025/nov/english', 'An English review', '2025-11-14', 'Set in front matter.'],
      ['/docs/papers/y2025/oct/20251027', '10월 27일 리뷰', '2025-10-27', '이번 주의 첫 문단입니다.'],
    ]);
    expect(index.bySlug.get('papers/y2025/nov/english')).toMatchObject({ tags: ['agents', 'rl'], authors: ['jane'], format: 'md' });
  });

  test('the same paper reviewed twice is one paper with two appearances', () => {
    const index = buildIndex(root, undefined, { drafts: false });
    const gdpo = index.byPaperId.get('arxiv:2601.05242');
    expect(gdpo).toMatchObject({ name: 'GDPO v2 notes', orgs: ['nvidia', 'cmu'], subtitle: 'Group reward-Decoupled Policy Optimization' });
    expect(gdpo?.appearances.map((a) => `${a.reviewUrl}#${a.anchor}`)).toEqual([
      '/docs/papers/y2025/nov/20251121#1-gdpo-v2-notes-nvidia-cmu',
      '/docs/papers/y2025/oct/20251027#1-gdpo-nvidia',
    ]);
    expect(index.papers).toHaveLength(3);
    expect(index.orgs).toEqual([
      { org: 'cmu', count: 1 },
      { org: 'nvidia', count: 1 },
    ]);
  });

  test('drafts are hidden in production and shown in development', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(buildIndex(root).bySlug.has('papers/y2025/nov/20251128')).toBe(false);
    expect(buildIndex(root).byPaperId.has('arxiv:2511.99999')).toBe(false);
    vi.stubEnv('NODE_ENV', 'development');
    expect(buildIndex(root).bySlug.get('papers/y2025/nov/20251128')).toMatchObject({ draft: true, title: 'Draft' });
  });

  test('files starting with _ are partials, not reviews', () => {
    expect(buildIndex(root).reviews.some((r) => r.slug.includes('_partial'))).toBe(false);
  });
});

describe('rebuilding the index after a save (next dev)', () => {
  const review = (sentence: string) =>
    ['# 리뷰', '', sentence, '', "import fig from './asset/fig.png';", '', '## 1. [GDPO](https://arxiv.org/abs/2601.05242)'].join('\n');

  test('a changed review is parsed again, the others are reused as they were', () => {
    const live = writeContent({ 'r/20250101.mdx': review('처음 문장.'), 'r/20250102.mdx': review('다른 리뷰.'), 'r/asset/fig.png': png(4, 3) });
    const before = buildIndex(live);
    const file = path.join(live, 'r/20250101.mdx');
    // Same length, written at once: the file time may not even move.
    writeFileSync(file, review('바뀐 문장.'));
    const after = buildIndex(live);
    expect(after.bySlug.get('r/20250101')?.description).toBe('바뀐 문장.');
    expect(before.bySlug.get('r/20250101')?.description).toBe('처음 문장.');
    expect(after.bySlug.get('r/20250102')?.headings).toBe(before.bySlug.get('r/20250102')?.headings);
  });

  test('adding or removing an image the review imports changes the review though its text did not', () => {
    const live = writeContent({ 'r/20250101.mdx': review('문장.') });
    expect(buildIndex(live).bySlug.get('r/20250101')?.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('missing asset "./asset/fig.png"'),
    ]);
    mkdirSync(path.join(live, 'r/asset'));
    writeFileSync(path.join(live, 'r/asset/fig.png'), png(40, 30));
    const fixed = buildIndex(live).bySlug.get('r/20250101')!;
    expect(fixed.problems).toEqual([]);
    expect(fixed.assets.imports.fig).toMatchObject({ width: 40, height: 30 });
    rmSync(path.join(live, 'r/asset/fig.png'));
    expect(buildIndex(live).bySlug.get('r/20250101')?.problems).toHaveLength(1);
  });
});

describe('isContentPath: which /docs URLs can be pages, before anything is parsed', () => {
  test('a review or a folder of reviews is; anything else, a partial or half a folder name is not', () => {
    vi.stubEnv('CONTENT_DIR', root);
    expect(isContentPath('papers/y2025/nov/20251121')).toBe(true);
    expect(isContentPath('papers/y2025/nov')).toBe(true);
    expect(isContentPath('papers')).toBe(true);
    expect(isContentPath('papers/y2025/nov/20251199')).toBe(false);
    expect(isContentPath('papers/y202')).toBe(false);
    expect(isContentPath('papers/y2025/nov/_partial')).toBe(false);
  });
});
