// The site index as the browser downloads it, split so that a query fetches
// only what it needs, and the way back to the plain object MiniSearch.loadJS
// takes. It runs in the browser too, so no Node APIs here.
//
// - The head (`/search-index.json`): the sorted term list (prefix and typo
//   matching walk it), each document's field lengths and the averages (BM25),
//   and how the rest is split. No postings, no stored text.
// - Postings shards (`/search-index/<key>/p<n>.json`): the postings of the
//   head's terms whose shard (`termShard`) is n, in head order. A term's shard
//   hangs on its first Hangul/CJK syllable or its first two Latin letters, so
//   a prefix query (`reinforc`, `강`) and most one-typo matches stay in one.
// - Row shards (`/search-index/<key>/r<n>.json`): what a result shows, for
//   `rowsPerShard` documents in short-id order: URL, kind, titles, badges,
//   dates and a cropped lead of the section text. Only the shown hits' are
//   fetched.
//
// `key` is a hash of every shard: it is in their URLs, so a head and the
// shards it points to always come from the same build and can be cached for
// good. Postings are delta-coded base-36 lists, as in version 2 (one file),
// which made 90% less than MiniSearch's own toJSON.
import type { AsPlainObject } from 'minisearch';
import type { SearchDocument } from '@/lib/search/documents';

/** url, kind, title, subtitle, orgs, review, date, text (cropped), page ('' when none). */
export type StoredRow = [string, string, string, string, string, string, string, string, string];

export type SearchHead = {
  version: number;
  /** Hash of the shards, part of their URLs. */
  key: string;
  /** The indexed fields in MiniSearch's field-id order. */
  fields: string[];
  documentCount: number;
  /** Unique terms per field per document (BM25's field length), flat: documents × fields. */
  fieldLengths: number[];
  averageFieldLengths: number[];
  /** Every indexed term, sorted. */
  terms: string[];
  postingShards: number;
  rowsPerShard: number;
};

export type PostingShard = {
  version: number;
  key: string;
  /**
   * For each head term in this shard, in head order: `fieldId:posting,…`
   * joined by `;`, all numbers in base 36. A posting is the gap to the
   * previous document's short id (the first counts from -1), followed by `.`
   * and the term's frequency when it is not 1.
   */
  postings: string[];
};

export type RowShard = {
  version: number;
  key: string;
  /** A URL starting with `#` is an anchor of the last full URL before it in this shard. */
  rows: StoredRow[];
};

export type EncodedShards = { head: SearchHead; postings: PostingShard[]; rows: RowShard[] };

/** The document a row describes, as MiniSearch would store it: a search document whose kind came off the wire as text. */
export type StoredDocument = Omit<SearchDocument, 'kind'> & { kind: string };

type Stored = Partial<Omit<StoredDocument, 'id'>>;

export type TermPostings = Record<string, Record<number, number>>;

const cjkStart = /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** FNV-1a over UTF-16 code units: small, stable, the same in Node and browsers. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The postings shard of a term: by its first syllable (CJK) or its first two
 * characters (Latin, digits), so every term a prefix query expands to shares
 * the query term's shard.
 */
export function termShard(term: string, shards: number): number {
  const bucket = cjkStart.test(term) ? String.fromCodePoint(term.codePointAt(0)!) : term.slice(0, 2);
  return fnv1a(bucket) % shards;
}

export const postingShardPath = (key: string, shard: number) => `/search-index/${key}/p${shard}.json`;
export const rowShardPath = (key: string, shard: number) => `/search-index/${key}/r${shard}.json`;

/**
 * The sharded wire form of a freshly built index (no document removed, so
 * short ids are 0…n-1), with `crop` applied to each document's stored text.
 */
export function encodeShards(
  js: AsPlainObject,
  fields: readonly string[],
  version: number,
  crop: (text: string) => string,
  { postingShards, rowsPerShard }: { postingShards: number; rowsPerShard: number },
): EncodedShards {
  if (js.nextId !== js.documentCount) throw new Error('search index: expected a freshly built index (no discarded documents)');
  fields.forEach((field, id) => {
    if (js.fieldIds[field] !== id) throw new Error(`search index: field ${field} has id ${js.fieldIds[field]}, expected ${id}`);
  });
  const rowShards: StoredRow[][] = [];
  const fieldLengths: number[] = [];
  let base = '';
  for (let shortId = 0; shortId < js.documentCount; shortId++) {
    if (shortId % rowsPerShard === 0) {
      rowShards.push([]);
      base = ''; // each shard starts with a full URL
    }
    const url = String(js.documentIds[shortId]);
    const hash = url.indexOf('#');
    const compact = hash > 0 && url.slice(0, hash) === base ? url.slice(hash) : url;
    if (compact === url) base = hash > 0 ? url.slice(0, hash) : url;
    const stored = (js.storedFields[shortId] ?? {}) as Stored;
    rowShards[rowShards.length - 1]!.push([
      compact,
      stored.kind ?? '',
      stored.title ?? '',
      stored.subtitle ?? '',
      stored.orgs ?? '',
      stored.review ?? '',
      stored.date ?? '',
      crop(stored.text ?? ''),
      stored.page ?? '',
    ]);
    const lengths = js.fieldLength[shortId] ?? [];
    for (let field = 0; field < fields.length; field++) fieldLengths.push(lengths[field] ?? 0);
  }
  const entries = [...js.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const postings: string[][] = Array.from({ length: postingShards }, () => []);
  for (const [term, data] of entries) postings[termShard(term, postingShards)]!.push(encodePostings(data));

  const parts = [...postings.map((p) => JSON.stringify(p)), ...rowShards.map((r) => JSON.stringify(r))];
  const key = `v${version}-${fnv1a(parts.join('\n')).toString(36)}${fnv1a(parts.join('\n'), 0x2f2b1a3d).toString(36)}`;
  return {
    head: {
      version,
      key,
      fields: [...fields],
      documentCount: js.documentCount,
      fieldLengths,
      averageFieldLengths: js.averageFieldLength,
      terms: entries.map(([term]) => term),
      postingShards,
      rowsPerShard,
    },
    postings: postings.map((list) => ({ version, key, postings: list })),
    rows: rowShards.map((rows) => ({ version, key, rows })),
  };
}

function encodePostings(data: TermPostings): string {
  return Object.entries(data)
    .map(([fieldId, freqs]) => {
      let previous = -1;
      const items = Object.keys(freqs)
        .map(Number)
        .sort((a, b) => a - b)
        .map((shortId) => {
          const frequency = freqs[shortId]!;
          const item = (shortId - previous).toString(36) + (frequency === 1 ? '' : `.${frequency.toString(36)}`);
          previous = shortId;
          return item;
        });
      return `${Number(fieldId).toString(36)}:${items.join(',')}`;
    })
    .join(';');
}

/** For each postings shard, the indexes in `head.terms` of its terms, in order (a shard's postings follow it). */
export function shardTermIndexes(head: SearchHead): number[][] {
  const out: number[][] = Array.from({ length: head.postingShards }, () => []);
  head.terms.forEach((term, i) => out[termShard(term, head.postingShards)]!.push(i));
  return out;
}

/** A row shard's documents, by short id, URLs made whole again. */
export function decodeRows(head: SearchHead, shard: number, data: RowShard): Map<number, StoredDocument> {
  const out = new Map<number, StoredDocument>();
  let base = '';
  data.rows.forEach(([compact, kind, title, subtitle, orgs, review, date, text, page], i) => {
    const url = compact.startsWith('#') ? base + compact : compact;
    if (url === compact) base = url.includes('#') ? url.slice(0, url.indexOf('#')) : url;
    out.set(shard * head.rowsPerShard + i, { id: url, kind, title, subtitle, orgs, review, date, text, ...(page ? { page } : {}) });
  });
  return out;
}

/**
 * The plain object MiniSearch.loadJS expects, holding only `terms` (with
 * their postings) and the documents in those postings. Documents are known by
 * their short id. Document count and average field lengths are the whole
 * index's, so BM25 scores, and with them the ranking, are the full index's
 * for any query whose every matching term is in `terms`.
 */
export function partialIndex(head: SearchHead, terms: [term: string, postings: TermPostings][]): AsPlainObject {
  const width = head.fields.length;
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  for (const [, data] of terms) {
    for (const freqs of Object.values(data)) {
      for (const key of Object.keys(freqs)) {
        const shortId = Number(key);
        if (shortId in documentIds) continue;
        documentIds[shortId] = shortId;
        fieldLength[shortId] = head.fieldLengths.slice(shortId * width, (shortId + 1) * width);
      }
    }
  }
  return {
    documentCount: head.documentCount,
    nextId: head.documentCount,
    documentIds,
    fieldIds: Object.fromEntries(head.fields.map((field, id) => [field, id])),
    fieldLength,
    averageFieldLength: head.averageFieldLengths,
    storedFields: {},
    dirtCount: 0,
    index: terms,
    serializationVersion: 2,
  };
}

const COMMA = 44;
const DOT = 46;
const COLON = 58;
const SEMICOLON = 59;

/**
 * `fieldId:posting,…;fieldId:…` back to `{ fieldId: { shortId: frequency } }`.
 * A hand-rolled scan rather than split and parseInt: a shard holds thousands
 * of postings and is decoded while the reader waits for results.
 */
export function decodePostings(encoded: string): TermPostings {
  const data: TermPostings = {};
  let freqs: Record<number, number> = {};
  let shortId = -1;
  let number = 0;
  let inFrequency = false;
  const flush = () => {
    if (inFrequency) freqs[shortId] = number;
    else freqs[(shortId += number)] = 1;
  };
  for (let i = 0; i <= encoded.length; i++) {
    const code = i < encoded.length ? encoded.charCodeAt(i) : SEMICOLON;
    if (code === COLON) {
      freqs = {};
      data[number] = freqs;
      shortId = -1;
      number = 0;
      inFrequency = false;
    } else if (code === DOT) {
      shortId += number;
      number = 0;
      inFrequency = true;
    } else if (code === COMMA || code === SEMICOLON) {
      flush();
      number = 0;
      inFrequency = false;
    } else {
      // Base-36 digit: 0-9 then a-z.
      number = number * 36 + (code <= 57 ? code - 48 : code - 87);
    }
  }
  return data;
}
