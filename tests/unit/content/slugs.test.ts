import { expect, test } from 'vitest';
import { parseReviewSource } from '@/lib/content/source/parse-review';

// Ids as Docusaurus 3 writes them (github-slugger over the heading's text,
// inline code and link text included), checked against its output.
const table: [heading: string, id: string][] = [
  ['## 1. [GDPO](https://huggingface.co/papers/2601.05242) `nvidia`', '1-gdpo-nvidia'],
  ['## 2. Search Self-Play', '2-search-self-play'],
  ['## 3. [MiMo-Embodied] `xiaomi`', '3-mimo-embodied-xiaomi'],
  ['## 4. [SAM 3D](https://ai.meta.com/sam3d/) `meta` `nyu`', '4-sam-3d-meta-nyu'],
  ['### 요약', '요약'],
  ['### 요약', '요약-1'],
  ['### 요약', '요약-2'],
  ["## 강화 학습의 'Reward' 설계!", '강화-학습의-reward-설계'],
  ['## **굵은** 제목과 _기울임_', '굵은-제목과-기울임'],
  ["## What's new? (v2)", 'whats-new-v2'],
  ['## C++ & Rust', 'c--rust'],
  ['## Über Straße', 'über-straße'],
  ['## 1. GDPO nvidia', '1-gdpo-nvidia-1'],
  ['## Math $x^2$ inside', 'math-x2-inside'],
];

test('heading ids match Docusaurus, repeats included', () => {
  const source = table.map(([heading]) => heading).join('\n\n');
  const review = parseReviewSource(source, { file: '/c/r.mdx', slug: 'r' }, '/c');
  expect(review.headings.map((heading) => heading.id)).toEqual(table.map(([, id]) => id));
});
