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
  serializeSearchIndex,
  STORED_TEXT_WIDTH,
  type SearchHit,
  type SearchIndex,
} from '@/lib/search/engine';
import type { WireIndex } from '@/lib/search/wire-format';
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

const json = serializeSearchIndex(documents);
const wire = JSON.parse(json) as WireIndex;
const index = loadSearchIndex(json);
const inMemory = createSearchIndex(documents);

const marked = (hit: SearchHit) => hit.highlights.flatMap((h) => h.ranges.map(([start, end]) => h.text.slice(start, end)));
const ranked = (hits: SearchHit[]) => hits.map((hit) => [hit.url, hit.score]);

describe('the browser index (wire format)', () => {
  test('stores the cropped lead of a long text, not the rest', () => {
    expect(json).toContain('강화 학습으로');
    expect(json).not.toContain('김치찌개');
    const stored = wire.documents[1]!;
    expect(stored[0]).toBe('#1-agent0-unc');
    expect(stored[7]).toBe(cropText(longText));
    expect(stored[7].endsWith('…')).toBe(true);
    // Sections after another review's URL are anchors of that review.
    expect(wire.documents.map((row) => row[0])).toEqual([
      '/docs/papers/y2025/nov/20251121',
      '#1-agent0-unc',
      '#마무리',
      '/docs/papers/y2025/oct/20251027',
      '#1-planner-meta',
    ]);
  });

  test('hits and ranking are the same as the full in-memory index', () => {
    for (const query of ['에이전트', '강화학습', 'agents', 'nvidia', 'transfomer', '김치찌개', '벤치마크', 'memory', '10월 27일', 'plan']) {
      expect(ranked(search(index, query, { limit: 50 })), query).toEqual(ranked(search(inMemory, query, { limit: 50 })));
    }
  });

  test('a hit keeps its URL, kind, title, badges, review, date and paper page', () => {
    const [hit] = search(index, 'nvidia');
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
    expect(search(index, '마무리')[0]).not.toHaveProperty('page');
  });

  test('a match in the stored lead is marked in it', () => {
    const hit = search(index, '강화학습').find((h) => h.url.endsWith('#1-agent0-unc'))!;
    expect(marked(hit)).toEqual(['강화 학습']);
    expect(hit.highlights[0]!.field).toBe('text');
  });

  test('a match past the stored lead finds the section and shows its lead, unmarked', () => {
    const hits = search(index, '김치찌개');
    expect(hits.map((hit) => hit.url)).toEqual(['/docs/papers/y2025/nov/20251121#1-agent0-unc']);
    expect(hits[0]!.highlights).toEqual([{ field: 'text', text: cropText(longText), ranges: [] }]);
    // The dialog's excerpt of it is the lead's start, as long as an excerpt around a match.
    expect(excerpt(hits[0]!.highlights[0]!)).toEqual({ field: 'text', text: cropText(longText, 160), ranges: [] });
    // With another field matched, that field's marks come first.
    const both = search(index, '김치찌개 nvidia')[0]!;
    expect(both.highlights.map((h) => [h.field, h.ranges.length > 0])).toEqual([
      ['orgs', true],
      ['text', false],
    ]);
  });

  test('an index of another version is refused with a message naming both versions', () => {
    expect(() => loadSearchIndex({ ...wire, version: 1 })).toThrow('search index version 1, expected 2');
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

describe('1,000 synthetic reviews (bench/synthetic.ts)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'search-wire-'));
  let docs: SearchDocument[] = [];
  let serialized = '';
  let browser: SearchIndex;
  let full: SearchIndex;

  beforeAll(() => {
    writeSyntheticContent(root, 1000);
    docs = buildSearchDocuments(buildIndex(root, undefined, { drafts: true }));
    serialized = serializeSearchIndex(docs);
    browser = loadSearchIndex(serialized);
    full = createSearchIndex(docs);
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the index is at most 500 KB gzip', () => {
    expect(docs).toHaveLength(6000);
    expect(gzipSync(serialized).length).toBeLessThanOrEqual(500 * 1024);
  });

  test.each(searchQueryTable)('$query: full recall, ranked as the full index ranks', ({ query, expect: oracle }) => {
    const expected = docs.filter(oracle).map((doc) => doc.id);
    expect(expected.length).toBeGreaterThan(0);
    const hits = search(browser, query, { limit: docs.length });
    const found = new Set(hits.map((hit) => hit.url));
    expect(expected.filter((id) => !found.has(id))).toEqual([]);
    expect(ranked(hits.slice(0, 20))).toEqual(ranked(search(full, query, { limit: 20 })));
  });
});
