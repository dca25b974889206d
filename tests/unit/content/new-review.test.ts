import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { buildIndex } from '@/lib/content/index/content-index';
import { reviewDate, scaffoldReview } from '@/lib/content/new-review';
import { writeContent } from '@/tests/support/content';

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);
const iso = (date: Date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;

describe('npm run new', () => {
  test.each([
    ['a Wednesday', day(2025, 11, 19), '2025-11-21'],
    ['a Friday (that same day)', day(2025, 11, 21), '2025-11-21'],
    ['a Saturday', day(2025, 11, 22), '2025-11-28'],
    ['the last days of a year', day(2025, 12, 31), '2026-1-2'],
  ])('dates the review the coming Friday, from %s', (_, today, friday) => {
    expect(iso(reviewDate(today))).toBe(friday);
  });

  test('writes the review at its Docusaurus path, with front matter and one paper, and it passes content:check', async () => {
    const root = writeContent({});
    const { file, url } = scaffoldReview(root, day(2026, 1, 2));
    expect(path.relative(root, file)).toBe('papers/y2026/jan/20260102.mdx');
    expect(url).toBe('/docs/papers/y2026/jan/20260102');

    const review = buildIndex(root, undefined, { drafts: true }).bySlug.get('papers/y2026/jan/20260102')!;
    expect(review).toMatchObject({ title: '2026년 1월 2일 Papers Review', date: '2026-01-02', draft: true, tags: [] });
    expect(review.papers.map((paper) => [paper.position, paper.name, paper.orgs])).toEqual([[1, 'Paper name', ['org']]]);
    expect((await checkContent(root)).problems).toEqual([]);
    // A draft: the production index leaves it out until the author deletes the line.
    expect(buildIndex(root, undefined, { drafts: false }).reviews).toEqual([]);
  });

  test('refuses to overwrite a review of that day, .mdx or .md, and leaves it as it was', () => {
    const root = writeContent({ 'papers/y2025/nov/20251128.md': '# Mine\n' });
    expect(() => scaffoldReview(root, day(2025, 11, 28))).toThrow(/papers\/y2025\/nov\/20251128\.md already exists; nothing was written/);
    expect(readFileSync(path.join(root, 'papers/y2025/nov/20251128.md'), 'utf8')).toBe('# Mine\n');

    const { file } = scaffoldReview(root, day(2025, 11, 21));
    writeFileSync(file, 'edited');
    expect(() => scaffoldReview(root, day(2025, 11, 21))).toThrow(/20251121\.mdx already exists/);
    expect(readFileSync(file, 'utf8')).toBe('edited');
  });

  test('the command prints the file and its URL, and says what is wrong with a bad date', () => {
    const root = writeContent({});
    const run = (...args: string[]) =>
      execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/new-review.ts', ...args], {
        env: { ...process.env, CONTENT_DIR: root, PORT: '3123' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    const out = run('2025-12-05');
    expect(out).toContain(`Created ${path.relative(process.cwd(), path.join(root, 'papers/y2025/dec/20251205.mdx'))}`);
    expect(out).toContain('See it at http://localhost:3123/docs/papers/y2025/dec/20251205 (npm run dev)');
    expect(() => run('2025-12-05')).toThrow(/already exists; nothing was written/);
    expect(() => run('2025-02-30')).toThrow(/2025-02-30 is not a day of the calendar/);
    expect(() => run('friday')).toThrow(/"friday" is not a date; write it as YYYY-MM-DD/);
  });
});
