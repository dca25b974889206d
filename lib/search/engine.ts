// Builds the site search index at build time and queries it in the browser,
// so no Node APIs here. MiniSearch was picked over FlexSearch and Orama
// because it alone allows fuzzy matching per term (English words only; a
// fuzzy Hangul bigram would match almost any bigram) and reports which
// indexed terms matched, which highlighting needs (see docs/search.md).
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { SearchDocument, SearchDocumentKind } from '@/lib/search/documents';
import { isCjkTerm, normalize, terms, tokenize } from '@/lib/search/tokenize';
import {
  decodePostings,
  decodeRows,
  encodeShards,
  partialIndex,
  postingShardPath,
  rowShardPath,
  shardTermIndexes,
  termShard,
  type PostingShard,
  type RowShard,
  type SearchHead,
  type StoredDocument,
  type TermPostings,
} from '@/lib/search/wire-format';

export const searchFields = ['title', 'subtitle', 'orgs', 'review', 'text'] as const;
export type SearchField = (typeof searchFields)[number];

/** Bump when the analyzer, the fields or the wire format change: an index built by other code cannot be queried. */
export const SEARCH_INDEX_VERSION = 3;

/**
 * How the download is split (lib/search/wire-format.ts). More postings shards
 * make each query's download smaller and the file count larger; a row shard
 * is fetched for each shown hit's documents, so rows go in small groups. At
 * 1,000 synthetic reviews (bench:search), 64/16 gave a 149 KB gzip median
 * first query, 128/16 138 KB, 256/16 130 KB, 128/8 117 KB (more files) and
 * 128/32 167 KB.
 */
export const SEARCH_SHARDS = { postingShards: 128, rowsPerShard: 16 };

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

export const queryOptions: SearchOptions = {
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

/** The files of the browser index: the head (`/search-index.json`) and its shards by path. */
export type SearchIndexFiles = { head: string; files: Map<string, string> };

/**
 * The browser index: every word of every document indexed, each text stored
 * only up to `STORED_TEXT_WIDTH`, split into a head and shards
 * (lib/search/wire-format.ts), each file as the JSON served.
 */
export function serializeSearchIndex(documents: readonly SearchDocument[], shards = SEARCH_SHARDS): SearchIndexFiles {
  const js = createSearchIndex(documents).engine.toJSON();
  const encoded = encodeShards(js, searchFields, SEARCH_INDEX_VERSION, (text) => cropText(text), shards);
  const files = new Map<string, string>();
  // A shard with no term is never asked for: no file.
  encoded.postings.forEach((shard, n) => shard.postings.length && files.set(postingShardPath(encoded.head.key, n), JSON.stringify(shard)));
  encoded.rows.forEach((shard, n) => files.set(rowShardPath(encoded.head.key, n), JSON.stringify(shard)));
  return { head: JSON.stringify(encoded.head), files };
}

/** Fetches a shard's JSON by path (the browser: `fetch`; tests and benches: a map of files). */
export type FetchJson = (path: string) => Promise<unknown>;

/**
 * The head, loaded, and the shards fetched so far (each once: a query's
 * shards are kept for the next).
 */
export type ShardedSearchIndex = {
  head: SearchHead;
  /** Term → its index in `head.terms`: what prefix and typo matching walk. */
  terms: SearchableMap<number>;
  /** A term's position among its shard's postings, by head index. */
  positions: Int32Array;
  fetchJson: FetchJson;
  postings: Map<number, Promise<string[]>>;
  rows: Map<number, Promise<Map<number, StoredDocument>>>;
};

/** Accepts the head's response text or its parsed JSON (`await response.json()`). */
export function loadSearchIndex(head: string | SearchHead, fetchJson: FetchJson): ShardedSearchIndex {
  const data = typeof head === 'string' ? (JSON.parse(head) as SearchHead) : head;
  if (data?.version !== SEARCH_INDEX_VERSION)
    throw new Error(`search index version ${String(data?.version)}, expected ${SEARCH_INDEX_VERSION}`);
  const termMap = new SearchableMap<number>();
  data.terms.forEach((term, i) => termMap.set(term, i));
  const positions = new Int32Array(data.terms.length);
  for (const list of shardTermIndexes(data)) list.forEach((termIndex, position) => (positions[termIndex] = position));
  return { head: data, terms: termMap, positions, fetchJson, postings: new Map(), rows: new Map() };
}

async function fetchShard<T extends PostingShard | RowShard>(index: ShardedSearchIndex, path: string): Promise<T> {
  const data = (await index.fetchJson(path)) as T;
  // A head and shards of different builds would give wrong postings: refuse rather than mislead.
  if (data?.version !== index.head.version || data.key !== index.head.key)
    throw new Error(`search index shard ${path} is not from the build of the loaded index`);
  return data;
}

function postingShard(index: ShardedSearchIndex, shard: number): Promise<string[]> {
  let loaded = index.postings.get(shard);
  if (!loaded) {
    loaded = fetchShard<PostingShard>(index, postingShardPath(index.head.key, shard)).then((data) => data.postings);
    // A failed fetch is retried by the next query.
    loaded.catch(() => index.postings.delete(shard));
    index.postings.set(shard, loaded);
  }
  return loaded;
}

function rowShard(index: ShardedSearchIndex, shard: number): Promise<Map<number, StoredDocument>> {
  let loaded = index.rows.get(shard);
  if (!loaded) {
    loaded = fetchShard<RowShard>(index, rowShardPath(index.head.key, shard)).then((data) => decodeRows(index.head, shard, data));
    loaded.catch(() => index.rows.delete(shard));
    index.rows.set(shard, loaded);
  }
  return loaded;
}

/**
 * Every indexed term a query can match, as MiniSearch expands it: each query
 * term itself, the terms it is a prefix of and those one typo away, per
 * `queryOptions`. Their postings are all a query needs.
 */
export function matchingTerms(index: ShardedSearchIndex, text: string): number[] {
  const queryTerms = terms(text, 'query');
  const found = new Set<number>();
  queryTerms.forEach((term, i) => {
    const exact = index.terms.get(term);
    if (exact !== undefined) found.add(exact);
    const prefix = typeof queryOptions.prefix === 'function' ? queryOptions.prefix(term, i, queryTerms) : queryOptions.prefix;
    if (prefix) for (const termIndex of index.terms.atPrefix(term).values()) found.add(termIndex);
    const fuzzy = typeof queryOptions.fuzzy === 'function' ? queryOptions.fuzzy(term, i, queryTerms) : queryOptions.fuzzy;
    if (fuzzy) {
      // MiniSearch's own rule: below 1 a fraction of the term's length, capped at maxFuzzy (6).
      const distance =
        fuzzy === true ? Math.min(6, Math.round(term.length * 0.2)) : fuzzy < 1 ? Math.min(6, Math.round(term.length * fuzzy)) : fuzzy;
      if (distance) for (const [termIndex] of index.terms.fuzzyGet(term, distance).values()) found.add(termIndex);
    }
  });
  return [...found].sort((a, b) => a - b);
}

/**
 * Ranked hits, best first, as `search` over the full index gives them: the
 * postings shards of the matching terms are fetched (once), a MiniSearch
 * index of just those terms answers the query, and the row shards of the
 * hits shown are fetched for their titles and leads.
 */
export async function searchShards(
  index: ShardedSearchIndex,
  query: string,
  { limit = 20 }: { limit?: number } = {},
): Promise<SearchHit[]> {
  const text = normalize(query).trim();
  if (!text) return [];
  const { head } = index;
  const matched = matchingTerms(index, text);
  const shards = new Map<number, Promise<string[]>>();
  for (const termIndex of matched) {
    const shard = termShard(head.terms[termIndex]!, head.postingShards);
    if (!shards.has(shard)) shards.set(shard, postingShard(index, shard));
  }
  const entries: [string, TermPostings][] = [];
  for (const termIndex of matched) {
    const term = head.terms[termIndex]!;
    const postings = await shards.get(termShard(term, head.postingShards))!;
    entries.push([term, decodePostings(postings[index.positions[termIndex]!]!)]);
  }
  const engine = MiniSearch.loadJS<SearchDocument>(partialIndex(head, entries), options);
  const results = engine.search(text, queryOptions).slice(0, limit);
  const rowShards = await Promise.all(
    [...new Set(results.map((result) => Math.floor(Number(result.id) / head.rowsPerShard)))].map((shard) => rowShard(index, shard)),
  );
  const rows = new Map(rowShards.flatMap((shard) => [...shard]));
  return results.map((result) => {
    const row = rows.get(Number(result.id))!;
    return toHit(row, result.score, result.match);
  });
}

/** Ranked hits, best first, from an index built in memory; every query word must match (`에이전트 nvidia`). */
export function search(index: SearchIndex, query: string, { limit = 20 }: { limit?: number } = {}): SearchHit[] {
  const text = normalize(query).trim();
  if (!text) return [];
  return index.engine
    .search(text, queryOptions)
    .slice(0, limit)
    .map((result) => {
      const stored = result as unknown as Partial<SearchDocument> & { id: string };
      return toHit(stored, result.score, result.match);
    });
}

type HitSource = Partial<Omit<SearchDocument, 'kind'>> & { id: string; kind?: string };

function toHit(stored: HitSource, score: number, match: Record<string, string[]>): SearchHit {
  return {
    url: stored.id,
    kind: (stored.kind as SearchDocumentKind | undefined) ?? 'section',
    title: stored.title ?? '',
    subtitle: stored.subtitle ?? '',
    orgs: stored.orgs ? stored.orgs.split(' ') : [],
    review: stored.review ?? '',
    date: stored.date ?? '',
    score,
    highlights: highlights(stored, match),
    ...(stored.page ? { page: stored.page } : {}),
  };
}

function highlights(stored: HitSource, match: Record<string, string[]>): Highlight[] {
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
