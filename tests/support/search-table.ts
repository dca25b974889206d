import type { SearchDocument } from '@/lib/search/documents';

const all = (doc: SearchDocument) => [doc.title, doc.subtitle, doc.orgs, doc.review, doc.text].join('\n');
const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The Korean/English query table over the synthetic reviews (bench/synthetic.ts),
 * with an oracle for the documents each query must return (its recall): the
 * prose says `에이전트가/의`, `강화 학습` (spaced only), `Reinforcement Learning
 * for Agents`, org badges. `점수` and `향상` sit past the text the browser
 * index stores (lib/search/engine.ts STORED_TEXT_WIDTH): found, not shown.
 * Shared by `npm run bench:search` and tests/unit/search/wire-format.test.ts.
 */
export const searchQueryTable: { query: string; expect: (doc: SearchDocument) => boolean }[] = [
  { query: '에이전트', expect: (d) => all(d).includes('에이전트') },
  { query: '강화학습', expect: (d) => squash(all(d)).includes('강화학습') },
  { query: '강화 학습', expect: (d) => squash(all(d)).includes('강화학습') },
  { query: '보상 모델', expect: (d) => all(d).includes('보상 모델') },
  { query: 'agent', expect: (d) => /agent/i.test(all(d)) },
  { query: 'Reinforcment', expect: (d) => /reinforcement/i.test(all(d)) },
  { query: 'nvidia', expect: (d) => d.orgs.split(' ').includes('nvidia') },
  { query: '에이전트 nvidia', expect: (d) => all(d).includes('에이전트') && d.orgs.split(' ').includes('nvidia') },
  { query: '점수', expect: (d) => all(d).includes('점수') },
  { query: '향상', expect: (d) => all(d).includes('향상') },
];
