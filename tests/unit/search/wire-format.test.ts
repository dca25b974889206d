import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeSyntheticContent } from '@/bench/synthetic';
import { buildIndex } from '@/lib/content/index/content-index';
import { buildSearchDocuments, type SearchDocument } from '@/lib/search/documents';
import {
  createSearchIndex,
  cropText,
  excerpt,
  loadSearchIndex,
  search,
  searchShards,
  serializeSearchIndex,
  STORED_TEXT_WIDTH,
  type SearchHit,
  type SearchIndexFiles,
  type ShardedSearchIndex,
} from '@/lib/search/engine';
import { postingShardPath, rowShardPath, type RowShard, type SearchHead } from '@/lib/search/wire-format';
import { openSearchFiles } from '@/tests/support/search-files';
import { searchQueryTable } from '@/tests/support/search-table';

const lead = '에이전트가 환경과 상호작용하며 강화 학습으로 정책을 개선합니다. ';
// Past STORED_TEXT_WIDTH: indexed, not stored.
const tail = '마지막 문단에서만 김치찌개 실험을 언급합니다.';
const longText = `${lead}${'앞부분을 채우는 긴 설명 '.repeat(30)}${tail}`;

const base = { subtitle: '', orgs: '', review: '2025년 11월 21일 Papers Review', date: '2025-11-21' };
const documents: SearchDocument[] = [
  {
    ...base,
    id: '/docs/papers/y2025/nov/20251121',
    kind: 'review',
    title: '2025년 11월 21일 Papers Review',
    review: '',
    text: '합성 리뷰입니다.',
  },
  {
    ...base,
    id: '/docs/papers/y2025/nov/20251121#1-agent0-unc',
    kind: 'paper',
    title: 'Agent0',
    subtitle: 'Agent0: Unleashing Self-Evolving Agents from Zero Data',
    orgs: 'unc nvidia',
    text: longText,
    page: '/papers/2511.16043',
  },
  { ...base, id: '/docs/papers/y2025/nov/20251121#마무리', kind: 'section', title: '마무리', text: '다음 주에는 벤치마크를 다룹니다.' },
  // A URL without an anchor after sections of another review, then an anchor of it.
  { ...base, id: '/docs/papers/y2025/oct/20251027', kind: 'review', title: '2025년 10월 27일 Papers Review', review: '', text: '' },
  {
    ...base,
    id: '/docs/papers/y2025/oct/20251027#1-planner-meta',
    kind: 'paper',
    title: 'Planner',
    orgs: 'meta',
    text: 'Each agent keeps a memory.',
    page: '/papers/2510.00001',
  },
];

// Two documents per row shard, so the shard boundaries are exercised.
const files = serializeSearchIndex(documents, { postingShards: 8, rowsPerShard: 2 });
const head = JSON.parse(files.head) as SearchHead;
const fetched: string[] = [];
const index = openSearchFiles(files, fetched);
const inMemory = createSearchIndex(documents);

const marked = (hit: SearchHit) => hit.highlights.flatMap((h) => h.ranges.map(([start, end]) => h.text.slice(start, end)));
/**
 * URL and score, best first. Scores are rounded to 12 significant digits and
 * equal ones ordered by URL: the shards' partial index visits prefix and typo
 * matches in another order than the full index, so a sum of several terms'
 * scores can differ in its last bit (2.6258444530519274 / …528).
 */
const ranked = (hits: SearchHit[]) =>
  hits
    .map((hit): [string, number] => [hit.url, Number(hit.score.toPrecision(12))])
    .sort(([urlA, a], [urlB, b]) => b - a || (urlA < urlB ? -1 : urlA > urlB ? 1 : 0));
const rowShard = (n: number) => JSON.parse(files.files.get(rowShardPath(head.key, n))!) as RowShard;
const everything = () => [files.head, ...files.files.values()].join('\n');

describe('the browser index (head and shards)', () => {
  test('the head holds the sorted terms and field lengths, no postings and no stored text', () => {
    expect(head.version).toBe(3);
    expect(head.terms).toEqual([...head.terms].sort());
    expect(head.terms).toContain('김치'); // the whole text is indexed …
    expect(head.documentCount).toBe(5);
    expect(head.fieldLengths).toHaveLength(5 * head.fields.length);
    expect(files.head).not.toContain('Agent0');
    expect(files.head).not.toContain('/docs/');
    // Shards carry the head's key in their path: a head never meets another build's shards.
    for (const path of files.files.keys()) expect(path).toMatch(new RegExp(`^/search-index/${head.key}/[pr]\\d+\\.json$`));
  });

  test('row shards store the cropped lead of a long text, not the rest; each shard starts with a full URL', () => {
    expect(everything()).toContain('강화 학습으로');
    expect(everything()).not.toContain('김치찌개'); // … but not stored
    expect(rowShard(0).rows[1]![7]).toBe(cropText(longText));
    expect(rowShard(0).rows[1]![7].endsWith('…')).toBe(true);
    expect([0, 1, 2].map((n) => rowShard(n).rows.map((row) => row[0]))).toEqual([
      ['/docs/papers/y2025/nov/20251121', '#1-agent0-unc'],
      ['/docs/papers/y2025/nov/20251121#마무리', '/docs/papers/y2025/oct/20251027'],
      ['/docs/papers/y2025/oct/20251027#1-planner-meta'],
    ]);
  });

  test('hits and ranking are the same as the full in-memory index', async () => {
    for (const query of [
      '에이전트',
      '강화학습',
      'agents',
      'nvidia',
      'transfomer',
      '김치찌개',
      '벤치마크',
      'memory',
      '10월 27일',
      'plan',
      '강',
      'zzzz',
    ]) {
      expect(ranked(await searchShards(index, query, { limit: 50 })), query).toEqual(ranked(search(inMemory, query, { limit: 50 })));
    }
  });

  test('a query fetches only the postings shards of its terms and the row shards of its hits, each once', async () => {
    const seen: string[] = [];
    const fresh = openSearchFiles(files, seen);
    const hits = await searchShards(fresh, 'nvidia');
    expect(hits.map((hit) => hit.url)).toEqual(['/docs/papers/y2025/nov/20251121#1-agent0-unc']);
    expect(seen.filter((path) => path.includes('/p'))).toHaveLength(1);
    expect(seen.filter((path) => path.includes('/r'))).toEqual([rowShardPath(head.key, 0)]);
    await searchShards(fresh, 'nvidia');
    expect(seen).toHaveLength(2);
  });

  test('a hit keeps its URL, kind, title, badges, review, date and paper page', async () => {
    const [hit] = await searchShards(index, 'nvidia');
    expect(hit).toMatchObject({
      url: '/docs/papers/y2025/nov/20251121#1-agent0-unc',
      kind: 'paper',
      title: 'Agent0',
      subtitle: 'Agent0: Unleashing Self-Evolving Agents from Zero Data',
      orgs: ['unc', 'nvidia'],
      review: '2025년 11월 21일 Papers Review',
      date: '2025-11-21',
      page: '/papers/2511.16043',
    });
    expect((await searchShards(index, '마무리'))[0]).not.toHaveProperty('page');
  });

  test('a match in the stored lead is marked in it', async () => {
    const hit = (await searchShards(index, '강화학습')).find((h) => h.url.endsWith('#1-agent0-unc'))!;
    expect(marked(hit)).toEqual(['강화 학습']);
    expect(hit.highlights[0]!.field).toBe('text');
  });

  test('a match past the stored lead finds the section and shows its lead, unmarked', async () => {
    const hits = await searchShards(index, '김치찌개');
    expect(hits.map((hit) => hit.url)).toEqual(['/docs/papers/y2025/nov/20251121#1-agent0-unc']);
    expect(hits[0]!.highlights).toEqual([{ field: 'text', text: cropText(longText), ranges: [] }]);
    // The dialog's excerpt of it is the lead's start, as long as an excerpt around a match.
    expect(excerpt(hits[0]!.highlights[0]!)).toEqual({ field: 'text', text: cropText(longText, 160), ranges: [] });
    // With another field matched, that field's marks come first.
    const both = (await searchShards(index, '김치찌개 nvidia'))[0]!;
    expect(both.highlights.map((h) => [h.field, h.ranges.length > 0])).toEqual([
      ['orgs', true],
      ['text', false],
    ]);
  });

  test('an index of another version is refused with a message naming both versions', () => {
    expect(() => loadSearchIndex({ ...head, version: 2 }, () => Promise.reject(new Error('unused')))).toThrow(
      'search index version 2, expected 3',
    );
  });

  test('a shard of another build is refused, and a failed shard is fetched again by the next query', async () => {
    const other = serializeSearchIndex([...documents.slice(0, 4)], { postingShards: 8, rowsPerShard: 2 });
    const otherHead = JSON.parse(other.head) as SearchHead;
    // This build's head, with the shard paths answered from the other build.
    const mixed = loadSearchIndex(files.head, (path) =>
      Promise.resolve(JSON.parse(other.files.get(path.replace(head.key, otherHead.key)) ?? '{}') as unknown),
    );
    await expect(searchShards(mixed, 'nvidia')).rejects.toThrow(/not from the build of the loaded index/);

    let fail = true;
    const flaky = loadSearchIndex(files.head, (path) =>
      fail ? Promise.reject(new Error('offline')) : Promise.resolve(JSON.parse(files.files.get(path)!) as unknown),
    );
    await expect(searchShards(flaky, 'nvidia')).rejects.toThrow('offline');
    fail = false;
    expect((await searchShards(flaky, 'nvidia')).map((hit) => hit.title)).toEqual(['Agent0']);
  });
});

describe('cropText', () => {
  test('short text is kept whole', () => {
    expect(cropText('GDPO normalizes each reward.')).toBe('GDPO normalizes each reward.');
  });

  test('a Korean syllable counts double; the cut falls on a space and shows "…"', () => {
    const korean = '가나다라 '.repeat(20); // 20 × (4 syllables + space) = 180 widths
    const cut = cropText(korean, 50);
    expect(cut).toBe('가나다라 가나다라 가나다라 가나다라 가나다라…');
    const latin = cropText('word '.repeat(100), 52);
    expect(latin).toBe(`${'word '.repeat(10).trim()}…`);
    expect(cropText('x'.repeat(STORED_TEXT_WIDTH + 10))).toBe(`${'x'.repeat(STORED_TEXT_WIDTH)}…`);
  });

  test('never splits a surrogate pair', () => {
    // Five code units reach into the third emoji: it is left out whole.
    expect(cropText('😀'.repeat(10), 5)).toBe('😀😀…');
  });
});

// Varied prose (bench/synthetic.ts), at 150 reviews to keep the suite quick; bench:search runs 1,000.
describe('150 synthetic reviews of varied prose: the shards round trip', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'search-shards-'));
  let docs: SearchDocument[] = [];
  let site: SearchIndexFiles;
  let full: ReturnType<typeof createSearchIndex>;
  let browser: ShardedSearchIndex;

  beforeAll(() => {
    writeSyntheticContent(root, 150, { prose: 'varied' });
    docs = buildSearchDocuments(buildIndex(root, undefined, { drafts: true }));
    site = serializeSearchIndex(docs);
    full = createSearchIndex(docs);
    browser = openSearchFiles(site);
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test.each(searchQueryTable)('$query ($why): the same hits, ranked and scored as the full index', async ({ query }) => {
    const expected = search(full, query, { limit: docs.length });
    expect(expected.length).toBeGreaterThan(0);
    const hits = await searchShards(browser, query, { limit: docs.length });
    expect(ranked(hits)).toEqual(ranked(expected));
    // What a result shows comes from the row shards, as the full index stores it (text cropped).
    expect(hits.slice(0, 20).map((hit) => [hit.title, hit.review, hit.date, hit.orgs])).toEqual(
      expected.slice(0, 20).map((hit) => [hit.title, hit.review, hit.date, hit.orgs]),
    );
  });

  test('a first query downloads a fraction of the index', async () => {
    const size = (body: string) => gzipSync(body).length;
    const total = size(site.head) + [...site.files.values()].reduce((sum, body) => sum + size(body), 0);
    for (const { query } of searchQueryTable) {
      const seen: string[] = [];
      await searchShards(openSearchFiles(site, seen), query, { limit: 20 });
      const bytes = size(site.head) + seen.reduce((sum, p) => sum + size(site.files.get(p)!), 0);
      expect(bytes, query).toBeLessThan(total / 2);
    }
    expect(fetched).toEqual(expect.arrayContaining([expect.stringMatching(/^\/search-index\//)]));
    expect(postingShardPath(head.key, 3)).toBe(`/search-index/${head.key}/p3.json`);
  });
});
