import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export type HeadingInfo = { depth: number; text: string; id: string; line: number };

const explicitId = /[ \t]*\{#([^\s{}]+)\}[ \t]*$/;

/**
 * Heading ids exactly as Docusaurus makes them: github-slugger over the
 * heading's plain text (inline code and link text included, Hangul kept),
 * one slugger per document so repeats get `-1`, `-2`; or the explicit
 * `{#my-id}` at the end of the heading, taken off its text and used as is.
 */
export function assignHeadingIds(tree: Root): HeadingInfo[] {
  const slugger = new GithubSlugger();
  const headings: HeadingInfo[] = [];
  visit(tree, 'heading', (node: Heading) => {
    const explicit = takeExplicitId(node);
    const text = headingText(node);
    const id = explicit ?? slugger.slug(text);
    node.data ??= {};
    node.data.hProperties = { ...(node.data.hProperties ?? {}), id };
    headings.push({ depth: node.depth, text, id, line: node.position?.start.line ?? 0 });
  });
  return headings;
}

function takeExplicitId(node: Heading): string | null {
  const last = node.children.at(-1);
  if (last?.type !== 'text') return null;
  const match = explicitId.exec(last.value);
  if (!match) return null;
  last.value = last.value.slice(0, match.index);
  if (last.value === '') node.children.pop();
  return match[1]!;
}

export function headingText(node: Heading): string {
  return toString(node).trim();
}

export function slugify(text: string): string {
  return new GithubSlugger().slug(text);
}
