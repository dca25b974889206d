import { describe, expect, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { buildSearchDocuments } from '@/lib/search/documents';
import { excerpt, searchShards as search, serializeSearchIndex, type SearchHit } from '@/lib/search/engine';
import { stem, tokenize } from '@/lib/search/tokenize';
import { writeContent } from '@/tests/support/content';
import { openSearchFiles } from '@/tests/support/search-files';

const root = writeContent({
  'papers/y2025/nov/20251121.mdx': [
    "import fig from './asset/fig.png';",
    '',
    '# 2025년 11월 21일 Papers Review',
    '',
    '이번 주에는 세 편의 논문을 다룹니다.',
    '',
    '## 1. [Agent0](https://huggingface.co/papers/2511.16043) `unc`',
    '',
    '### Agent0: Unleashing Self-Evolving Agents from Zero Data',
    '',
    '에이전트가 도구를 사용하며 스스로 진화합니다.',
    '',
    '```python',
    'def secret_code_word(): pass',
    '```',
    '',
    '## 2. [GDPO](https://arxiv.org/abs/2510.05242) `nvidia`',
    '',
    '### Group reward-Decoupled Normalization Policy Optimization',
    '',
    '보상을 분리해 강화학습의 안정성을 높입니다. 수식 $\\pi_\\theta$ 는 색인하지 않습니다.',
    '',
    '## 3. [Vision Transformer Scaling](https://arxiv.org/abs/2511.00003) `google`',
    '',
    '이미지 인식에서 구조를 확장합니다.',
    '',
    '## 마무리',
    '',
    '다음 주에는 에이전트를 평가하는 벤치마크를 다룹니다.',
  ].join('\n'),
  'papers/y2025/oct/20251027.mdx': [
    '# 2025년 10월 27일 Papers Review',
    '',
    '## 1. [Planner](https://arxiv.org/abs/2510.00001) `meta`',
    '',
    '### Learning to Plan Ahead',
    '',
    '에이전트의 계획 능력을 강화 학습으로 향상시킵니다. GDPO와 비교합니다.',
    '',
    ':::tip[핵심 요약]',
    '',
    'Each agent keeps a memory.',
    '',
    ':::',
    '',
    '## 2. [World Models](https://arxiv.org/abs/2510.00002) `deepseek`',
    '',
    '세계 모델로 미래를 예측합니다.',
  ].join('\n'),
});

const nov = '/docs/papers/y2025/nov/20251121';
const oct = '/docs/papers/y2025/oct/20251027';
const agent0 = `${nov}#1-agent0-unc`;
const gdpo = `${nov}#2-gdpo-nvidia`;
const vit = `${nov}#3-vision-transformer-scaling-google`;
const closing = `${nov}#마무리`;
const planner = `${oct}#1-planner-meta`;
const world = `${oct}#2-world-models-deepseek`;

const documents = buildSearchDocuments(buildIndex(root, undefined, { drafts: true }));
// Round-trip through the head and shards' JSON, as the browser gets them.
const index = openSearchFiles(serializeSearchIndex(documents));

type Row = {
  query: string;
  /** Every one of these URLs is a hit. */
  hits: string[];
  /** The best hit, when the ranking matters. */
  first?: string;
  /** None of these is a hit. */
  not?: string[];
  /** Text highlighted in the first listed hit. */
  marks?: string[];
};

const table: Row[] = [
  // Particles attached to the noun do not matter.
  { query: '에이전트', hits: [agent0, closing, planner], not: [gdpo, vit, world], marks: ['에이전트'] },
  // Spacing differences collapse, both ways.
  { query: '강화학습', hits: [gdpo, planner], not: [agent0, world], marks: ['강화학습'] },
  { query: '강화 학습', hits: [planner, gdpo], not: [agent0, world], marks: ['강화 학습'] },
  // Every query word must match, wherever the words sit.
  { query: '에이전트 강화학습', hits: [planner], not: [agent0, gdpo] },
  // English: case and plurals.
  { query: 'agents', hits: [agent0, planner], marks: ['Agents'] },
  { query: 'Agent', hits: [planner, agent0] },
  { query: 'Policies', hits: [gdpo], not: [planner], marks: ['Policy'] },
  // One typo in words of five letters or more.
  { query: 'transfomer', hits: [vit], first: vit, marks: ['Transformer'] },
  { query: 'optimisation', hits: [gdpo] },
  // Org badges.
  { query: 'nvidia', hits: [gdpo], first: gdpo, marks: ['nvidia'] },
  { query: 'NVIDIA 강화학습', hits: [gdpo], not: [planner] },
  // A paper's name in its title outranks a mention in another paper's text.
  { query: 'GDPO', hits: [gdpo, planner], first: gdpo },
  // Non-paper sections and review titles have their own documents.
  { query: '벤치마크', hits: [closing], first: closing },
  { query: '10월 27일', hits: [oct], first: oct },
  // Code and math are not indexed.
  { query: 'secret_code_word', hits: [], not: [agent0] },
  { query: 'theta', hits: [], not: [gdpo] },
];

const marked = (hit: SearchHit) => hit.highlights.flatMap((h) => h.ranges.map(([start, end]) => h.text.slice(start, end)));

describe('search documents', () => {
  test('one per review title, paper appearance and other heading, each with its anchor URL', () => {
    expect(documents.map((d) => [d.kind, d.id])).toEqual([
      ['review', nov],
      ['paper', agent0],
      ['paper', gdpo],
      ['paper', vit],
      ['section', closing],
      ['review', oct],
      ['paper', planner],
      ['paper', world],
    ]);
  });

  test('a paper document holds name, subtitle, badges, review title, its page and the section text from the parsed tree', () => {
    expect(documents.find((d) => d.id === gdpo)).toEqual({
      id: gdpo,
      kind: 'paper',
      title: 'GDPO',
      subtitle: 'Group reward-Decoupled Normalization Policy Optimization',
      orgs: 'nvidia',
      review: '2025년 11월 21일 Papers Review',
      date: '2025-11-21',
      text: '보상을 분리해 강화학습의 안정성을 높입니다. 수식  는 색인하지 않습니다.',
      page: '/papers/2510.05242',
    });
    // Admonition bodies are text too; the `import` line is not.
    expect(documents.find((d) => d.id === planner)?.text).toContain('Each agent keeps a memory.');
    expect(documents.find((d) => d.id === nov)?.text).toBe('이번 주에는 세 편의 논문을 다룹니다.');
  });
});

describe('analyzer', () => {
  test('Hangul runs become bigrams with offsets; index-time bigrams also span a single space', () => {
    expect(tokenize('강화 학습', 'index').map((t) => [t.term, t.start, t.end])).toEqual([
      ['강화', 0, 2],
      ['화학', 1, 4],
      ['학습', 3, 5],
    ]);
    expect(tokenize('강화 학습', 'query').map((t) => t.term)).toEqual(['강화', '학습']);
    expect(tokenize('GPT-4o에서 Agents').map((t) => t.term)).toEqual(['gpt', '4o', '에서', 'agent']);
  });

  test('plural stemming', () => {
    expect(['agents', 'policies', 'boxes', 'matches', 'class', 'gpus'].map(stem)).toEqual([
      'agent',
      'policy',
      'box',
      'match',
      'class',
      'gpu',
    ]);
  });
});

describe('query table', () => {
  test.each(table)('$query', async ({ query, hits, first, not = [], marks = [] }) => {
    const results = await search(index, query, { limit: 50 });
    const urls = results.map((hit) => hit.url);
    expect(urls).toEqual(expect.arrayContaining(hits));
    if (!hits.length) expect(urls).toEqual([]);
    for (const url of not) expect(urls).not.toContain(url);
    if (first) expect(urls[0]).toBe(first);
    const target = results.find((hit) => hit.url === hits[0]);
    for (const mark of marks) expect(target && marked(target)).toContain(mark);
  });

  test('hits are ranked best first and carry the anchor URL and highlight ranges', async () => {
    const [best, ...rest] = await search(index, 'nvidia', { limit: 5 });
    expect(best).toMatchObject({ url: gdpo, kind: 'paper', title: 'GDPO', orgs: ['nvidia'], review: '2025년 11월 21일 Papers Review' });
    expect(best?.highlights).toEqual([{ field: 'orgs', text: 'nvidia', ranges: [[0, 6]] }]);
    for (const hit of rest) expect(hit.score).toBeLessThanOrEqual(best!.score);
  });

  test('limit caps the hits; an empty query has none', async () => {
    expect(await search(index, '에이전트', { limit: 1 })).toHaveLength(1);
    expect(await search(index, '   ')).toEqual([]);
  });

  test('excerpt keeps the ranges on the same words', async () => {
    const hit = (await search(index, '안정성'))[0]!;
    const short = excerpt(
      hit.highlights.find((h) => h.field === 'text')!,
      4,
    );
    expect(short.ranges.map(([s, e]) => short.text.slice(s, e))).toEqual(['안정성']);
  });
});

test('an excerpt is a window around the first match: Korean counts double, cuts fall between words and show "…"', () => {
  const before = '강화 학습에서 여러 보상을 동시에 다루는 방법은 오래된 문제였고 많은 연구가 있었습니다. ';
  const text = `${before}이번 논문은 에이전트가 스스로 문제를 만들고 풀며 성장하는 과정을 보여 줍니다. ${'뒤에 오는 긴 설명 '.repeat(30)}`;
  const at = text.indexOf('에이전트');
  const short = excerpt({ field: 'text', text, ranges: [[at, at + 4]] }, 20);
  expect(short.ranges.map(([s, e]) => short.text.slice(s, e))).toEqual(['에이전트']);
  // 20 Latin widths before the match are 10 Hangul syllables, snapped to the next word.
  expect(short.text.startsWith('…')).toBe(true);
  expect(short.ranges[0]![0]).toBeLessThanOrEqual(11);
  expect(short.text.endsWith('…')).toBe(true);
  expect(short.text.length).toBeLessThan(60);
  expect(short.text).toMatch(/^…\S/);
  // A match near the start keeps the start, with no "…".
  const early = excerpt({ field: 'text', text: 'GDPO normalizes each reward separately.', ranges: [[0, 4]] });
  expect(early).toEqual({ field: 'text', text: 'GDPO normalizes each reward separately.', ranges: [[0, 4]] });
});
