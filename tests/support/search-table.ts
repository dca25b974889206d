/**
 * The Korean/English query table of `npm run bench:search` and
 * tests/unit/search/wire-format.test.ts, over the synthetic reviews
 * (bench/synthetic.ts). Each row's expected hits are the full in-memory
 * index's (every document it finds must be found by the browser index: its
 * recall), so a row is only meaningful when that set is not empty; `why`
 * says what the row exercises. `점수` and `향상` sit past the text the
 * browser index stores (lib/search/engine.ts STORED_TEXT_WIDTH) in every
 * paper: found, not shown, and among the longest postings.
 */
export const searchQueryTable: { query: string; why: string }[] = [
  { query: '에이전트', why: 'Hangul bigrams, particles attached (에이전트가/의)' },
  { query: '강화학습', why: 'unspaced query for spaced prose (강화 학습), via index-time cross-space bigrams' },
  { query: '강화 학습', why: 'spaced query, two words AND' },
  { query: '보상 모델', why: 'two Korean words AND' },
  { query: 'agent', why: 'English prefix and plural stemming (agents, agentic)' },
  { query: 'Reinforcment', why: 'one typo in an English word' },
  { query: 'nvidia', why: 'org badge field' },
  { query: '에이전트 nvidia', why: 'AND across fields' },
  { query: '점수', why: 'only past the stored lead (a table cell in every paper)' },
  { query: '향상', why: 'only past the stored lead, in most papers' },
];
