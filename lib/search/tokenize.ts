// The analyzer shared by indexing, querying and highlighting. It runs in the
// browser too, so no Node APIs here.

export type Token = { term: string; start: number; end: number };

export type TokenizeMode = 'index' | 'query';

// Korean (and other CJK) text has no reliable word boundaries for search:
// particles stick to nouns (에이전트가/에이전트를) and spacing varies
// (강화학습 / 강화 학습). Overlapping character bigrams make both irrelevant.
const cjk = '\\p{Script=Hangul}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const runPattern = new RegExp(`([${cjk}]+)|((?:(?![${cjk}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu');
const spaceOnly = /^[ \u00a0]+$/;
const latinWord = /^[a-z]+$/;

// Words so common in English prose that requiring them (queries are AND) only loses hits.
const stopwords = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/**
 * A light English stemmer: plurals only (`agents` → `agent`, `policies` →
 * `policy`, `boxes` → `box`). Index and query go through it alike, so an
 * imperfect stem (`series` → `sery`) still matches itself.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !latinWord.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss')) return word;
  if (/(?:sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

export function isCjkTerm(term: string): boolean {
  return new RegExp(`^[${cjk}]`, 'u').test(term);
}

/**
 * Splits text into terms with their offsets in `text` (for highlighting).
 * CJK runs become bigrams (a lone syllable stays a unigram). In `index` mode a
 * bigram is also made across a plain space between two runs, so `강화 학습`
 * holds `화학` and the query `강화학습` finds it; queries do not make those, so
 * `에이전트 학습` still finds `에이전트를 학습`. Expects NFC text.
 */
export function tokenize(text: string, mode: TokenizeMode = 'index'): Token[] {
  const tokens: Token[] = [];
  let previous: { char: string; start: number; end: number } | null = null;
  for (const match of text.matchAll(runPattern)) {
    const start = match.index;
    if (match[1]) {
      const chars = Array.from(match[1]);
      const offsets: number[] = [];
      let at = start;
      for (const char of chars) {
        offsets.push(at);
        at += char.length;
      }
      if (mode === 'index' && previous && spaceOnly.test(text.slice(previous.end, start))) {
        tokens.push({ term: previous.char + chars[0]!, start: previous.start, end: start + chars[0]!.length });
      }
      if (chars.length === 1) tokens.push({ term: chars[0]!, start, end: at });
      for (let i = 0; i + 1 < chars.length; i++) {
        tokens.push({ term: chars[i]! + chars[i + 1]!, start: offsets[i]!, end: offsets[i]! + chars[i]!.length + chars[i + 1]!.length });
      }
      previous = { char: chars[chars.length - 1]!, start: offsets[offsets.length - 1]!, end: at };
    } else {
      previous = null;
      const word = match[0].toLowerCase();
      // Single letters (`a`, the `s` of `agent's`) match too much to be useful.
      if (stopwords.has(word) || (word.length === 1 && !/\d/.test(word))) continue;
      tokens.push({ term: stem(word), start, end: start + match[0].length });
    }
  }
  return tokens;
}

/** Just the terms, deduplicated: what the engine indexes and queries with. */
export function terms(text: string, mode: TokenizeMode = 'index'): string[] {
  return [...new Set(tokenize(normalize(text), mode).map((token) => token.term))];
}

/** Same code points for the same text (macOS input can be decomposed Hangul). */
export function normalize(text: string): string {
  return text.normalize('NFC');
}
