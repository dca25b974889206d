import { expect, test } from 'vitest';
import { editUrl } from '@/lib/content/source/edit-url';

test('edit links point at the file in the configured repository', () => {
  const base = 'https://github.com/org/papers/edit/main';
  expect(editUrl('/repo/content/papers/y2025/nov/20251121.mdx', base, '/repo')).toBe(
    'https://github.com/org/papers/edit/main/content/papers/y2025/nov/20251121.mdx',
  );
  expect(editUrl('/repo/content/papers/y2025/nov/리뷰.mdx', `${base}/`, '/repo')).toBe(
    'https://github.com/org/papers/edit/main/content/papers/y2025/nov/%EB%A6%AC%EB%B7%B0.mdx',
  );
  expect(editUrl('/repo/content/a.mdx', null, '/repo')).toBeNull();
  expect(editUrl('/elsewhere/a.mdx', base, '/repo')).toBeNull();
});
