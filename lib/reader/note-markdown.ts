// Readers' notes are untrusted input shown back as HTML, so everything goes
// through rehype-sanitize. Pure (no database), safe to import anywhere.
import type { Root, RootContent } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
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

// Built once: a frozen unified processor is reusable across calls.
// remark-rehype without allowDangerousHtml drops raw HTML from the note
// entirely, and writes ids unprefixed (clobberPrefix '') so sanitizing
// prefixes them exactly once. Sanitizing then removes what Markdown itself can
// produce: javascript:/data: URLs, unknown attributes and classes.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize)
  .use(rehypeNoteLinks)
  .use(rehypeStringify)
  .freeze();

/**
 * Markdown (GFM) → sanitized HTML: no script/style/iframe, no on* attributes,
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
