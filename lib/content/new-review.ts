import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monthFolders } from '@/lib/content/index/archive';
import { reviewUrl } from '@/lib/content/urls';

const FRIDAY = 5;

/** Reviews come out on Fridays: today if it is one, else the coming one (local time). */
export function reviewDate(today: Date): Date {
  const date = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  date.setDate(date.getDate() + ((FRIDAY - date.getDay() + 7) % 7));
  return date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `papers/y2025/nov/20251121`: where Docusaurus kept the review of that day. */
export function reviewSlugFor(date: Date): string {
  const [y, m, d] = [date.getFullYear(), date.getMonth(), date.getDate()];
  return `papers/y${y}/${monthFolders[m]}/${y}${pad(m + 1)}${pad(d)}`;
}

function template(date: Date): string {
  const iso = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return [
    '---',
    `title: ${date.getFullYear()}년 ${date.getMonth() + 1}월 ${date.getDate()}일 Papers Review`,
    `date: ${iso}`,
    'tags: []',
    '# Shown by `npm run dev` only; delete this line to publish.',
    'draft: true',
    '---',
    '',
    '이번 주 리뷰를 한두 문장으로 소개합니다.',
    '',
    '## 1. [Paper name](https://huggingface.co/papers/YYMM.NNNNN) `org`',
    '',
    '### The paper’s full title',
    '',
    '요약을 씁니다.',
    '',
  ].join('\n');
}

export class ReviewExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists; nothing was written. Open it, or pass another date: npm run new -- YYYY-MM-DD`);
    this.name = 'ReviewExistsError';
  }
}

/**
 * Writes the review dated `date` (default: this week's Friday) with its front
 * matter and one paper heading, at its Docusaurus path under `root`. Never
 * overwrites: a `.md` or `.mdx` of that day already there is an error.
 */
export function scaffoldReview(root: string, date: Date): { file: string; slug: string; url: string } {
  const slug = reviewSlugFor(date);
  const file = path.join(root, `${slug}.mdx`);
  for (const existing of [file, path.join(root, `${slug}.md`)]) {
    if (existsSync(existing)) throw new ReviewExistsError(existing);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, template(date), { flag: 'wx' });
  return { file, slug, url: reviewUrl(slug) };
}
