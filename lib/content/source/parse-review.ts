import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { collectAssets, type ReviewAssets } from '@/lib/content/source/assets';
import { componentProblems, type MdxComponentName } from '@/lib/content/source/components';
import type { ContentFile } from '@/lib/content/source/files';
import { reviewUrl } from '@/lib/content/urls';
import { extractPapers, type PaperEntry } from '@/lib/content/source/papers';
import { problemFromError, type ContentProblem } from '@/lib/content/source/problems';
import type { HeadingInfo } from '@/lib/content/source/slugs';
import { prepareTree } from '@/lib/content/source/prepare';
import { parseMarkdown } from '@/lib/content/source/markdown';
import { formatOf, preprocess, type ContentFormat } from '@/lib/content/source/syntax';
import { reviewLanguage, type ReviewLanguage } from '@/lib/content/source/language';

export type LinkRef = { url: string; line: number; column: number };

export type Review = {
  slug: string;
  url: string;
  file: string;
  format: ContentFormat;
  title: string;
  /** `YYYY-MM-DD`, from front matter or the file name. */
  date: string | null;
  description: string;
  tags: string[];
  authors: string[];
  draft: boolean;
  papers: PaperEntry[];
  headings: HeadingInfo[];
  readingMinutes: number;
  /** The language of its prose (Hangul share of the letters), for the article's `lang`. */
  lang: ReviewLanguage;
  /** `YYYY-MM-DD` of the last commit touching the file, or its file time. */
  lastUpdated: string | null;
  assets: ReviewAssets;
  /** Theme components the review imports: local name → component. */
  components: Record<string, MdxComponentName>;
  links: LinkRef[];
  /** Image files the review refers to, found or not: a change to one changes the review. */
  assetFiles: string[];
  /** False when the file does not even parse; everything above is then a default. */
  parsed: boolean;
  problems: ContentProblem[];
};

/** Parses one review the way the renderer will, and reads everything the site needs to know about it. */
export function parseReview(entry: ContentFile, root: string): Review {
  return parseReviewSource(readFileSync(entry.file, 'utf8'), entry, root);
}

export function parseReviewSource(raw: string, entry: Pick<ContentFile, 'file' | 'slug'>, root: string): Review {
  return parseReviewWithTree(raw, entry, root).review;
}

/** parseReviewSource, plus the prepared tree it read (null when the file does not parse), for the search documents. */
export function parseReviewWithTree(raw: string, entry: Pick<ContentFile, 'file' | 'slug'>, root: string): { review: Review; tree: Root | null } {
  const format = formatOf(entry.file);
  const source = preprocess(raw);

  const review: Review = {
    slug: entry.slug,
    url: reviewUrl(entry.slug),
    file: entry.file,
    format,
    title: entry.slug.split('/').pop() ?? entry.slug,
    date: dateFromFileName(entry.slug),
    description: '',
    tags: [],
    authors: [],
    draft: false,
    papers: [],
    headings: [],
    readingMinutes: 1,
    lang: 'ko',
    lastUpdated: null,
    assets: { imports: {}, urls: {} },
    components: {},
    links: [],
    assetFiles: [],
    parsed: false,
    problems: [],
  };

  let tree: Root;
  try {
    tree = parseMarkdown(source, format);
  } catch (error) {
    review.problems.push(problemFromError(entry.file, error));
    return { review, tree: null };
  }

  review.parsed = true;
  review.headings = prepareTree(tree);
  review.papers = extractPapers(tree, entry.slug);

  const frontMatter = readFrontMatter(tree, entry.file, review.problems);
  const h1 = review.headings.find((heading) => heading.depth === 1);
  review.title = stringOr(frontMatter.title) ?? h1?.text ?? review.title;
  review.date = normalizeDate(frontMatter.date) ?? review.date;
  review.description = stringOr(frontMatter.description) ?? firstParagraph(tree);
  review.tags = stringList(frontMatter.tags);
  review.authors = stringList(frontMatter.authors);
  review.draft = frontMatter.draft === true;
  const prose = toString(tree);
  review.readingMinutes = readingMinutes(prose);
  review.lang = reviewLanguage(prose);

  const { assets, components, problems, files } = collectAssets(tree, entry.file, root);
  review.assets = assets;
  review.assetFiles = files;
  review.components = components;
  review.problems.push(...problems, ...componentProblems(tree, entry.file, components));

  visit(tree, 'link', (node) => {
    review.links.push({ url: node.url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  });
  return { review, tree };
}

function readFrontMatter(tree: Root, file: string, problems: ContentProblem[]): Record<string, unknown> {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return {};
  try {
    const data: unknown = parseYaml(node.value);
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch (error) {
    const problem = problemFromError(file, error);
    const linePos = (error as { linePos?: [{ line: number; col: number }] }).linePos?.[0];
    // YAML counts from the first line inside the `---` fence.
    problems.push({ ...problem, line: (linePos?.line ?? 1) + 1, column: linePos?.col ?? 1, message: `front matter: ${problem.message}` });
    return {};
  }
}

function stringOr(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.map((item: unknown) => String(typeof item === 'object' && item && 'name' in item ? item.name : item).trim()).filter(Boolean);
  return [];
}

export function dateFromFileName(slug: string): string | null {
  const match = /(?:^|\/)(\d{4})-?(\d{2})-?(\d{2})[^/]*$/.exec(slug);
  return match ? validDate(`${match[1]}-${match[2]}-${match[3]}`) : null;
}

function normalizeDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return validDate(value.trim().slice(0, 10));
  return null;
}

function validDate(iso: string): string | null {
  const date = new Date(`${iso}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

function firstParagraph(tree: Root): string {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text) return text.length > 200 ? `${text.slice(0, 197).trimEnd()}…` : text;
  }
  return '';
}

const hangul = /[\u3131-\u318e\uac00-\ud7a3]/g;

/** Korean readers cover about 500 syllables a minute, English about 230 words. */
export function readingMinutes(text: string): number {
  const syllables = text.match(hangul)?.length ?? 0;
  const words = text.replace(hangul, ' ').split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
  return Math.max(1, Math.round(syllables / 500 + words / 230));
}
