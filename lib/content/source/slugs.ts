import GithubSlugger from 'github-slugger';
import type { Heading, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export type HeadingInfo = { depth: number; text: string; id: string; line: number };

// Docusaurus's rule: `{#…}` at the very end, any characters but `{#` and `}` inside.
const legacyId = /\s*\{#((?:.(?!\{#|\}))*.)\}$/;

/**
 * Heading ids exactly as Docusaurus 3 makes them, in its order: an MDX
 * comment `{/* #my-id *\/}` ending the heading; the legacy `{#my-id}` at its end; else
 * github-slugger over the heading's text without raw HTML tags (inline code
 * and link text included, Hangul kept), one slugger per document so repeats
 * get `-1`, `-2`. Explicit ids are taken off the heading and never reach the
 * slugger. Run it before emoji and text directives are restored: Docusaurus
 * slugs `## Step 1:Install` as `step-1` and `## :tada: Party` as `tada-party`.
 */
export function assignHeadingIds(tree: Root): void {
  const slugger = new GithubSlugger();
  visit(tree, 'heading', (node: Heading) => {
    const id = takeCommentId(node) ?? takeLegacyId(node) ?? slugger.slug(slugText(node));
    node.data ??= {};
    node.data.hProperties = { ...(node.data.hProperties ?? {}), id };
  });
}

/** What Docusaurus slugs: the heading's text, raw HTML tags left out, untrimmed. */
function slugText(node: Heading): string {
  const withoutHtml = node.children.filter((child) => child.type !== 'html');
  return toString(withoutHtml.length ? withoutHtml : node);
}

function commentIdOf(comment: string): string | undefined {
  const first = comment.trim().split(' ')[0];
  return first?.startsWith('#') ? first.slice(1) || undefined : undefined;
}

function takeCommentId(node: Heading): string | undefined {
  // Only an expression that is a single comment and nothing else. (Docusaurus
  // also reads `<!-- #id -->`, but its comment plugin drops those first.)
  const last = node.children.at(-1);
  const program = last?.type === 'mdxTextExpression' ? last.data?.estree : undefined;
  const only = program && program.body.length === 0 && program.comments?.length === 1 ? program.comments[0] : undefined;
  const id = only ? commentIdOf(only.value) : undefined;
  if (!id) return undefined;
  node.children.pop();
  const text = node.children.at(-1);
  if (text?.type === 'text') text.value = text.value.trimEnd();
  return id;
}

function takeLegacyId(node: Heading): string | undefined {
  const match = legacyId.exec(slugText(node));
  const last = node.children.at(-1);
  if (!match || last?.type !== 'text') return undefined;
  const rest = last.value.replace(legacyId, '');
  if (rest || node.children.length === 1) last.value = rest;
  else node.children.pop();
  return match[1]!.trim();
}

/**
 * Every heading with its id and the text a reader sees (raw HTML tags left
 * out, emoji and restored directives in), read after the tree is prepared.
 */
export function collectHeadings(tree: Root): HeadingInfo[] {
  const headings: HeadingInfo[] = [];
  visit(tree, 'heading', (node: Heading) => {
    const id = node.data?.hProperties?.id;
    headings.push({ depth: node.depth, text: headingText(node), id: typeof id === 'string' ? id : '', line: node.position?.start.line ?? 0 });
  });
  return headings;
}

export function headingText(node: Heading): string {
  return toString(node.children.filter((child: PhrasingContent) => child.type !== 'html')).trim();
}
