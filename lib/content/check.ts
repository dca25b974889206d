import { readFile } from 'node:fs/promises';
import { cacheEntryPath, readCacheEntry, writeCacheEntry } from '@/lib/content/cache-store';
import { contentRoot } from '@/lib/content/source/files';
import { DOCS_PREFIX } from '@/lib/content/urls';
import { buildIndex, type ContentIndex } from '@/lib/content/index/content-index';
import { compileProblems } from '@/lib/content/render/mdx-options';
import type { LinkRef, Review } from '@/lib/content/source/parse-review';
import { formatProblem, type ContentProblem } from '@/lib/content/source/problems';
import { resolveFileLink } from '@/lib/content/source/transforms';

const appRoutes = [/^\/$/, /^\/papers\/?$/, /^\/page\/\d+$/];

/**
 * Everything `npm run content:check` and `next build` refuse: files that do
 * not parse or compile, missing images, links to reviews or anchors that do
 * not exist, reviews without a date or without a paper. Drafts are checked too.
 */
export async function checkContent(root = contentRoot()): Promise<{ problems: ContentProblem[]; reviews: number }> {
  const index = buildIndex(root, undefined, { drafts: true });
  const problems: ContentProblem[] = [];
  for (const review of index.reviews) {
    problems.push(...(await reviewErrors(review, root)), ...reviewWarnings(review, index));
  }
  return { problems: sortProblems(problems), reviews: index.reviews.length };
}

/** Runs the check and prints what `npm run content:check` prints: each problem as `file:line:column message`. True when there is none. */
export async function runContentCheck(): Promise<boolean> {
  const started = performance.now();
  const { problems, reviews } = await checkContent();
  for (const problem of problems) console.error(formatProblem(problem));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length) {
    console.error(`content:check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${reviews} reviews (${seconds}s)`);
    return false;
  }
  console.log(`content:check: ${reviews} reviews OK (${seconds}s)`);
  return true;
}

/** What keeps a review from rendering: it does not parse or compile, an image or a component is missing. */
export async function reviewErrors(review: Review, root: string): Promise<ContentProblem[]> {
  if (!review.parsed) return sortProblems(review.problems);
  return sortProblems([...review.problems, ...(await compileProblemsCached(review, await readFile(review.file, 'utf8'), root))]);
}

/**
 * compileProblems, kept in the build cache across builds: compiling every
 * review was most of the check's time, and a build after one edit compiles
 * one. The entry is named by everything the compiler reads (the text, the
 * file and root, the resolved images, papers and components) and the pipeline
 * version; its problems keep their `file:line:column`.
 */
async function compileProblemsCached(review: Review, source: string, root: string): Promise<ContentProblem[]> {
  const inputs = [review.file, source, root, review.format, review.assets, review.papers, review.components];
  const file = cacheEntryPath('check', inputs);
  const bytes = file ? readCacheEntry(file) : null;
  if (bytes) {
    try {
      return JSON.parse(bytes.toString('utf8')) as ContentProblem[];
    } catch {
      // a damaged entry is compiled again below
    }
  }
  const problems = await compileProblems(review, source, root);
  if (file) writeCacheEntry(file, JSON.stringify(problems));
  return problems;
}

/**
 * What is wrong with a review that still renders: links to pages or anchors
 * that do not exist, no date, no paper. `next dev` shows them above the review;
 * the check and the build refuse them like errors.
 */
export function reviewWarnings(review: Review, index: ContentIndex): ContentProblem[] {
  if (!review.parsed) return [];
  const problems: ContentProblem[] = [];
  if (!review.date) {
    problems.push(at(review, 1, 1, 'no date: add `date: YYYY-MM-DD` to the front matter or name the file YYYYMMDD.mdx'));
  }
  if (review.papers.length === 0) {
    problems.push(at(review, 1, 1, 'no paper found: a review needs at least one `## 1. [Paper name](link)` heading'));
  }
  for (const link of review.links) {
    const message = checkLink(link, review, index);
    if (message) problems.push(at(review, link.line, link.column, message));
  }
  return sortProblems(problems);
}

function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  const unique = new Map(problems.map((p) => [`${p.file}:${p.line}:${p.column}:${p.message}`, p]));
  return [...unique.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

function at(review: Review, line: number, column: number, message: string): ContentProblem {
  return { file: review.file, line, column, message };
}

/** The problem with a link, or null when it lands on an existing review and heading. */
export function checkLink(link: LinkRef, review: Review, index: ContentIndex): string | null {
  const raw = link.url.trim();
  if (!raw || /^(?!\/)[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) return null;
  const url = resolveFileLink(raw, review.file, index.root) ?? raw;
  const resolved = new URL(url, `http://site${review.url}`);
  const pathname = decodeURIComponent(resolved.pathname).replace(/\/$/, '') || '/';
  const anchor = decodeURIComponent(resolved.hash.slice(1));

  if (!pathname.startsWith(`${DOCS_PREFIX}/`)) {
    if (appRoutes.some((route) => route.test(pathname))) return null;
    return `broken link "${raw}": no page at ${pathname}`;
  }
  const slug = pathname.slice(DOCS_PREFIX.length + 1);
  const target = index.bySlug.get(slug);
  if (!target) {
    const isFolder = index.reviews.some((r) => r.slug.startsWith(`${slug}/`));
    if (isFolder && !anchor) return null;
    return `broken link "${raw}": no review at ${pathname}`;
  }
  if (anchor && !target.headings.some((heading) => heading.id === anchor)) {
    return `broken anchor "${raw}": ${target.slug} has no heading with id "${anchor}"`;
  }
  return null;
}
