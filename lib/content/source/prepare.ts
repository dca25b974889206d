import type { Root } from 'mdast';
import remarkEmoji from 'remark-emoji';
import { restoreUnusedDirectives } from '@/lib/content/source/directives';
import { assignHeadingIds, collectHeadings, type HeadingInfo } from '@/lib/content/source/slugs';

// remark-emoji's transformer never reads its processor, so it is called directly
// here, where it has to run: after heading ids, before directives are restored.
const replaceEmoji = (remarkEmoji as unknown as () => (tree: Root) => void)();

/**
 * What every reader of a review's tree (the index, the renderer, search)
 * does first, in Docusaurus's order: heading ids from the text as written,
 * then `:tada:` shortcodes become emoji, then `:word` in prose that
 * remark-directive took for a directive is given back as text. Returns the
 * headings as a reader sees them.
 */
export function prepareTree(tree: Root): HeadingInfo[] {
  assignHeadingIds(tree);
  replaceEmoji(tree);
  restoreUnusedDirectives(tree);
  return collectHeadings(tree);
}
