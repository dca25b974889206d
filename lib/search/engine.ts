// Builds the site search index at build time and queries it in the browser,
// so no Node APIs here. MiniSearch was picked over FlexSearch and Orama
// because it alone allows fuzzy matching per term (English words only; a
// fuzzy Hangul bigram would match almost any bigram) and reports which
// indexed terms matched, which highlighting needs (see docs/search.md).
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { SearchDocument, SearchDocumentKind } from '@/lib/search/documents';
import { isCjkTerm, normalize, terms, tokenize } from '@/lib/search/tokenize';
import { decodeIndex, encodeIndex, type WireIndex } from '@/lib/search/wire-format';

export const searchFields = ['title', 'subtitle', 'orgs', 'review', 'text'] as const;
export type SearchField = (typeof searchFields)[number];

/** Bump when the analyzer, the fields or the wire format change: an index built by other code cannot be queried. */
export const SEARCH_INDEX_VERSION = 2;

/**
 * How much of a section's text the browser index stores, in Latin letters'
 * width (a Korean syllable counts double, as in `excerpt`): one excerpt
 * window, what a result's two lines show on a wide screen. A match within it
 * is shown with the words around it. The whole text is indexed; past this
 * width it is found but not shown. On real prose the leads are a large part
 * of the download: twice this width made the site's stored rows 4.0 KB gzip
 * instead of 2.6 KB.
 */
export const STORED_TEXT_WIDTH = 160;

export type SerializedSearchIndex = WireIndex;
export type SearchIndex = { engine: MiniSearch<SearchDocument> };

export type Highlight = { field: SearchField; text: string; ranges: [start: number, end: number][] };

export type SearchHit = {
  /** The URL to open, with the anchor of the exact section. */
  url: string;
  kind: SearchDocumentKind;
  title: string;
  subtitle: string;
  orgs: string[];
  review: string;
  date: string;
  score: number;
  /** Matched ranges per field, best fields first. */
  highlights: Highlight[];
  /** The paper's own page, for paper hits. */
  page?: string;
};

const keep = (term: string) => term;

const options: Options<SearchDocument> = {
  fields: [...searchFields],
  storeFields: ['kind', ...searchFields, 'date', 'page'],
  // The analyzer does lowercasing and stemming itself; MiniSearch's default
  // processTerm would lowercase again and split nothing better.
  tokenize: (text) => terms(text, 'index'),
  processTerm: keep,
};

const queryOptions: SearchOptions = {
  tokenize: (text) => terms(text, 'query'),
  processTerm: keep,
  combineWith: 'AND',
  boost: { title: 4, orgs: 3, subtitle: 2, review: 1, text: 1 },
  // One typo in English words of five letters or more (`transfomer`).
  fuzzy: (term) => (!isCjkTerm(term) && term.length >= 5 ? 1 : false),
  // English words as typed so far (`reinforc`); a lone syllable (`강`) as the start of a bigram.
  prefix: (term) => (isCjkTerm(term) ? Array.from(term).length === 1 : term.length >= 3),
};

export function createSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const engine = new MiniSearch<SearchDocument>(options);
  engine.addAll(documents);
  return { engine };
}

/**
 * The JSON the browser downloads (`/search-index.json`): every word of every
 * document indexed, but each text stored only up to `STORED_TEXT_WIDTH`
 * (lib/search/wire-format.ts).
 */
export function serializeSearchIndex(documents: readonly SearchDocument[]): string {
  const js = createSearchIndex(documents).engine.toJSON();
  return JSON.stringify(encodeIndex(js, searchFields, SEARCH_INDEX_VERSION, (text) => cropText(text)));
}

/** Accepts the response text or its parsed JSON (`await response.json()`). */
export function loadSearchIndex(json: string | SerializedSearchIndex): SearchIndex {
  const data = typeof json === 'string' ? (JSON.parse(json) as SerializedSearchIndex) : json;
  if (data?.version !== SEARCH_INDEX_VERSION)
    throw new Error(`search index version ${String(data?.version)}, expected ${SEARCH_INDEX_VERSION}`);
  return { engine: MiniSearch.loadJS<SearchDocument>(decodeIndex(data), options) };
}

/** Ranked hits, best first; every query word must match (`에이전트 nvidia`). */
export function search(index: SearchIndex, query: string, { limit = 20 }: { limit?: number } = {}): SearchHit[] {
  const text = normalize(query).trim();
  if (!text) return [];
  return index.engine
    .search(text, queryOptions)
    .slice(0, limit)
    .map((result) => {
      const stored = result as unknown as Partial<SearchDocument> & { id: string; score: number; match: Record<string, string[]> };
      return {
        url: stored.id,
        kind: stored.kind ?? 'section',
        title: stored.title ?? '',
        subtitle: stored.subtitle ?? '',
        orgs: stored.orgs ? stored.orgs.split(' ') : [],
        review: stored.review ?? '',
        date: stored.date ?? '',
        score: stored.score,
        highlights: highlights(stored, stored.match),
        ...(stored.page ? { page: stored.page } : {}),
      };
    });
}

function highlights(stored: Partial<SearchDocument>, match: Record<string, string[]>): Highlight[] {
  const byField = new Map<SearchField, Set<string>>();
  for (const [term, fields] of Object.entries(match)) {
    for (const field of fields as SearchField[]) byField.set(field, (byField.get(field) ?? new Set()).add(term));
  }
  const out: Highlight[] = [];
  let unmarked: Highlight | null = null;
  for (const field of searchFields) {
    const matched = byField.get(field);
    const text = stored[field];
    if (!matched || !text) continue;
    const ranges = mergeRanges(
      text,
      tokenize(text, 'index')
        .filter((token) => matched.has(token.term))
        .map((token) => [token.start, token.end]),
    );
    if (ranges.length) out.push({ field, text, ranges });
    // The browser index stores a cropped text: the match lies past it, so show its lead, unmarked, last.
    else if (field === 'text') unmarked = { field, text, ranges: [] };
  }
  return unmarked ? [...out, unmarked] : out;
}

/**
 * Overlapping bigrams (`에이`, `이전`, `전트`) become one range (`에이전트`),
 * and so do matches a space apart (`강화 학습`), which read as one phrase.
 */
function mergeRanges(text: string, ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && (start <= last[1] || /^[ \u00a0]+$/.test(text.slice(last[1], start)))) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Hangul, CJK and full-width forms take about twice the width of a Latin letter. */
const wide = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]/;
const widthOf = (char: string | undefined) => (char && wide.test(char) ? 2 : 1);

/**
 * The start of `text` up to `width` Latin letters' width (Korean counts
 * double), cut at a space where there is one near the end and marked "…".
 */
export function cropText(text: string, width = STORED_TEXT_WIDTH): string {
  let end = 0;
  for (let budget = width; end < text.length && budget > 0; end++) budget -= widthOf(text[end]);
  if (end >= text.length) return text;
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[end - 1]!)) end--;
  const space = text.slice(0, end).search(/\s\S*$/);
  if (space > end * 0.8) end = space;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * A window of `highlight.text` around its first match, ranges shifted to fit:
 * for result lists that show two lines. It starts at most `radius` Latin
 * letters' width before the match (a Korean syllable counts double, so the
 * match stays on the first line) and runs three times that after it; cuts
 * fall on spaces where there is one and are marked with "…".
 */
export function excerpt(highlight: Highlight, radius = 40): Highlight {
  const first = highlight.ranges[0];
  // No match in the stored text (it lies past the stored lead): its start, as long as a window.
  if (!first) return { ...highlight, text: cropText(highlight.text, radius * 4) };
  const { text } = highlight;
  let start = first[0];
  for (let budget = radius; start > 0 && budget > 0; start--) budget -= widthOf(text[start - 1]);
  if (start > 0) {
    // Begin at a word: skip the part of a word the window cut into.
    const space = text.slice(start, first[0]).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  let end = first[1];
  for (let budget = radius * 3; end < text.length && budget > 0; end++) budget -= widthOf(text[end]);
  if (end < text.length) {
    const space = text.slice(first[1], end).search(/\s\S*$/);
    if (space > 0) end = first[1] + space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const ranges = highlight.ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start + prefix.length, e - start + prefix.length]);
  return { field: highlight.field, text: `${prefix}${text.slice(start, end)}${suffix}`, ranges };
}
