// The site index as the browser downloads it (`/search-index.json`), and the
// way back to the plain object MiniSearch.loadJS takes. It runs in the
// browser too, so no Node APIs here.
//
// MiniSearch's own toJSON writes each posting as a JSON object entry
// (`"4711":2`), which made 90% of the old 1.6 MB (gzip) at 1,000 reviews, and
// it stores every field in full. This format keeps the same inverted index
// (so ranking, prefixes and typos are unchanged) with postings as
// delta-coded base-36 lists, and stores only what a result shows: titles,
// badges, dates and a cropped lead of the section text. The rest of the text
// is indexed (found) but not stored (not shown).
import type { AsPlainObject } from 'minisearch';

/** url, kind, title, subtitle, orgs, review, date, text (cropped), page ('' when none). */
export type StoredRow = [string, string, string, string, string, string, string, string, string];

export type WireIndex = {
  version: number;
  /** The indexed fields in MiniSearch's field-id order. */
  fields: string[];
  /**
   * One row per document, in MiniSearch's short-id order. A URL starting
   * with `#` is an anchor of the last full URL before it (sections follow
   * their review).
   */
  documents: StoredRow[];
  /** Unique terms per field per document (BM25's field length), flat: documents × fields. */
  fieldLengths: number[];
  averageFieldLengths: number[];
  terms: string[];
  /**
   * Per term, `fieldId:posting,posting…` joined by `;`, all numbers in base
   * 36. A posting is the gap to the previous document's short id (the first
   * counts from -1), followed by `.` and the term's frequency when it is not 1.
   */
  postings: string[];
};

type Stored = {
  kind?: string;
  title?: string;
  subtitle?: string;
  orgs?: string;
  review?: string;
  date?: string;
  text?: string;
  page?: string;
};

/**
 * The wire form of a freshly built index (no document removed, so short ids
 * are 0…n-1), with `crop` applied to each document's stored text.
 */
export function encodeIndex(js: AsPlainObject, fields: readonly string[], version: number, crop: (text: string) => string): WireIndex {
  if (js.nextId !== js.documentCount) throw new Error('search index: expected a freshly built index (no discarded documents)');
  fields.forEach((field, id) => {
    if (js.fieldIds[field] !== id) throw new Error(`search index: field ${field} has id ${js.fieldIds[field]}, expected ${id}`);
  });
  const documents: StoredRow[] = [];
  const fieldLengths: number[] = [];
  let base = '';
  for (let shortId = 0; shortId < js.documentCount; shortId++) {
    const url = String(js.documentIds[shortId]);
    const hash = url.indexOf('#');
    const compact = hash > 0 && url.slice(0, hash) === base ? url.slice(hash) : url;
    if (compact === url) base = hash > 0 ? url.slice(0, hash) : url;
    const stored = (js.storedFields[shortId] ?? {}) as Stored;
    documents.push([
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
  const terms: string[] = [];
  const postings: string[] = [];
  for (const [term, data] of js.index) {
    terms.push(term);
    postings.push(
      Object.entries(data as Record<string, Record<string, number>>)
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
        .join(';'),
    );
  }
  return { version, fields: [...fields], documents, fieldLengths, averageFieldLengths: js.averageFieldLength, terms, postings };
}

/** The plain object MiniSearch.loadJS expects, rebuilt from the wire form. */
export function decodeIndex(wire: WireIndex): AsPlainObject {
  const count = wire.documents.length;
  const width = wire.fields.length;
  const documentIds: Record<number, string> = {};
  const storedFields: Record<number, Stored> = {};
  const fieldLength: Record<number, number[]> = {};
  let base = '';
  wire.documents.forEach(([compact, kind, title, subtitle, orgs, review, date, text, page], shortId) => {
    const url = compact.startsWith('#') ? base + compact : compact;
    if (url === compact) base = url.includes('#') ? url.slice(0, url.indexOf('#')) : url;
    documentIds[shortId] = url;
    storedFields[shortId] = { kind, title, subtitle, orgs, review, date, text, ...(page ? { page } : {}) };
    fieldLength[shortId] = wire.fieldLengths.slice(shortId * width, (shortId + 1) * width);
  });
  const index: AsPlainObject['index'] = wire.terms.map((term, t) => [term, decodePostings(wire.postings[t]!)]);
  return {
    documentCount: count,
    nextId: count,
    documentIds,
    fieldIds: Object.fromEntries(wire.fields.map((field, id) => [field, id])),
    fieldLength,
    averageFieldLength: wire.averageFieldLengths,
    storedFields,
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}

const COMMA = 44;
const DOT = 46;
const COLON = 58;
const SEMICOLON = 59;

/**
 * `fieldId:posting,…;fieldId:…` back to `{ fieldId: { shortId: frequency } }`.
 * A hand-rolled scan rather than split and parseInt: it runs once per term
 * over hundreds of thousands of postings when the search box opens.
 */
function decodePostings(encoded: string): Record<string, Record<number, number>> {
  const data: Record<string, Record<number, number>> = {};
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
