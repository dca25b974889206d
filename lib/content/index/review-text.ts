// A review's text as a reader sees it, for checking on the server whether a
// highlight's quote is still in the review (the page re-anchors in the
// browser; /notes and the paper page have no article to anchor in).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { contentRoot } from '@/lib/content/source/files';
import { parseTree } from '@/lib/search/documents';
import { normalizeQuoteText, quoteStillInText } from '@/lib/reader/shared';

// Not shown as text on the page (imports, expressions, front matter, link definitions).
const hidden = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'yaml', 'toml', 'html', 'definition']);

/** Text of mdast nodes, code and math included (a reader can select them); blocks need no separator (see normalizeQuoteText). */
function textOf(node: Nodes): string {
  if (hidden.has(node.type)) return '';
  if (node.type === 'image') return node.alt ?? '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (!('children' in node)) return '';
  return (node.children as Nodes[]).map(textOf).join(' ');
}

/** The review's file: the slug plus .md/.mdx, or the folder's index/README (lib/content/source/files.ts slugOf). */
function reviewFile(slug: string, root = contentRoot()): string | null {
  // Slugs are checked by reviewSlugSchema, but a path must never leave the content folder.
  const base = path.resolve(root, slug);
  if (!base.startsWith(path.resolve(root) + path.sep)) return null;
  for (const candidate of [`${base}.mdx`, `${base}.md`, ...['index', 'README'].flatMap((n) => [`${base}/${n}.mdx`, `${base}/${n}.md`])]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

const cache = new Map<string, { mtimeMs: number; size: number; text: string }>();

/**
 * The review's whitespace-free text (normalizeQuoteText), parsed as the site
 * parses it; cached per file until the file changes. null when the review's
 * file is gone.
 */
export function reviewQuoteText(slug: string): string | null {
  const file = reviewFile(slug);
  if (!file) return null;
  const { mtimeMs, size } = statSync(file);
  const known = cache.get(file);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known.text;
  const text = normalizeQuoteText(textOf(parseTree(readFileSync(file, 'utf8'), file)));
  cache.set(file, { mtimeMs, size, text });
  return text;
}

/**
 * Whether `exact` is still in the review (whitespace-insensitive). A review
 * whose file is gone has lost every quote. A quote spanning rendered math
 * compares the page's KaTeX glyphs with the TeX source and is reported gone:
 * the review page's own re-anchoring is the authority there.
 */
export function quoteInReview(slug: string, exact: string): boolean {
  const text = reviewQuoteText(slug);
  return text !== null && quoteStillInText(exact, text);
}
