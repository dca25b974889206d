// Readers' notes are untrusted input shown back as HTML, so everything goes
// through rehype-sanitize. Pure (no database). Rendered on the server only
// (the notes API and /notes), so neither KaTeX nor Shiki reaches a browser:
// the page gets finished HTML and KaTeX's stylesheet.
import rehypeShiki from '@shikijs/rehype';
import type { Root, RootContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { NoteRecord } from '@/lib/reader/notes';

// rehype-sanitize's default (GitHub's) schema prefixes every id with this, so
// a note cannot clobber the page's own ids or globals.
const CLOBBER_PREFIX = 'user-content-';
const LINK_REL = ['nofollow', 'noopener', 'noreferrer'];

/**
 * Runs after sanitizing (whose schema would strip rel):
 * - links out of a note must not pass on ranking or window.opener;
 * - in-page links ("#fn-1") get the prefix sanitizing gave the ids, as
 *   GitHub does, so footnotes still jump to their targets.
 */
function rehypeNoteLinks() {
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'element' && node.tagName === 'a') {
      const link = node;
      link.properties.rel = [...LINK_REL];
      const href = link.properties.href;
      if (typeof href === 'string' && href.startsWith('#') && !href.startsWith(`#${CLOBBER_PREFIX}`)) {
        link.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  return (tree: Root) => visit(tree);
}

// The same syntax as a review's Markdown: GFM, `$math$`/`$$math$$`, CJK-friendly emphasis.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkCjkFriendly).freeze();

// Built once: a frozen unified processor is reusable across calls.
// remark-rehype without allowDangerousHtml drops raw HTML from the note
// entirely, and writes ids unprefixed (clobberPrefix '') so sanitizing
// prefixes them exactly once. Sanitizing then removes what Markdown itself can
// produce: javascript:/data: URLs, unknown attributes and classes. Math
// survives it as `<code class="language-math">` (the default schema keeps
// `language-*`); KaTeX and Shiki run after it, on text only, so what they
// write (classes, style variables) is theirs, not the reader's. KaTeX keeps
// its defaults that matter here: `trust: false` (no \href, \url, \html*),
// `maxExpand: 1000` (no macro bombs); bad TeX renders as red source text.
const processor = parser()
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize)
  .use(rehypeKatex, { strict: false, throwOnError: false })
  .use(rehypeShiki, {
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: false,
    defaultLanguage: 'text',
    fallbackLanguage: 'text',
    langs: [],
    lazy: true,
  })
  .use(rehypeNoteLinks)
  .use(rehypeStringify)
  .freeze();

/** Markdown block-level nodes: their texts are kept apart by a space in plain text. */
const INLINE = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'inlineCode',
  'inlineMath',
  'break',
  'image',
  'imageReference',
  'footnoteReference',
]);

/**
 * A note as plain text, for search excerpts: what a reader sees of it without
 * the Markdown (`**bold**` is "bold", a link is its text, math its TeX), raw
 * HTML dropped as the renderer drops it, blocks separated by a space.
 */
export function noteMarkdownToText(body: string): string {
  const parts: string[] = [];
  const visit = (node: MdastRoot | MdastContent): void => {
    switch (node.type) {
      case 'html':
        return;
      case 'text':
      case 'inlineCode':
      case 'inlineMath':
        parts.push(node.value);
        return;
      case 'code':
      case 'math':
        parts.push(' ', node.value, ' ');
        return;
      case 'image':
        parts.push(node.alt ?? '');
        return;
      case 'break':
        parts.push(' ');
        return;
    }
    if ('children' in node) for (const child of node.children as MdastContent[]) visit(child);
    if (!INLINE.has(node.type)) parts.push(' ');
  };
  visit(parser.parse(body));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Markdown (GFM, math, code) → sanitized HTML: no script/style/iframe, no on* attributes,
 * no javascript:/data: URLs in href/src (rehype-sanitize default schema, which
 * is GitHub's); links get rel="nofollow noopener noreferrer".
 */
export async function renderNoteMarkdown(body: string): Promise<string> {
  return String(await processor.process(body));
}

/** A note as the browser gets it: the Markdown to edit and its sanitized HTML to show. */
export async function presentNote(
  note: NoteRecord,
): Promise<{ id: string; paperId: string; body: string; html: string; createdAt: string; updatedAt: string }> {
  return {
    id: note.id,
    paperId: note.paperId,
    body: note.body,
    html: await renderNoteMarkdown(note.body),
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}
