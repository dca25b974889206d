import { expect, test } from 'vitest';
import { reviewLanguage } from '@/lib/content/source/language';
import { parseReviewSource } from '@/lib/content/source/parse-review';

test('a review is Korean when Hangul is a fair share of its letters, English reviews say en', () => {
  expect(reviewLanguage('이번 주에는 GDPO와 SAM 3D, 그리고 self-play 계열의 agentic RL 연구를 다룹니다.')).toBe('ko');
  expect(reviewLanguage('This week: GDPO, SAM 3D and agentic RL with self-play.')).toBe('en');
  // A Korean name in an English review does not make it Korean.
  expect(reviewLanguage('An English review that quotes one Korean word, 에이전트, among many English sentences about agents.')).toBe('en');
  expect(reviewLanguage('123 — 456')).toBe('ko');
});

test('parsing a review records its language from its prose', () => {
  const entry = { file: '/tmp/x.mdx', slug: 'papers/y2025/nov/20251121' };
  expect(parseReviewSource('# 리뷰\n\n강화 학습을 안정화하는 방법을 정리했습니다.\n', entry, '/tmp').lang).toBe('ko');
  expect(parseReviewSource('# Review\n\nHow to stabilise reinforcement learning.\n', entry, '/tmp').lang).toBe('en');
});
