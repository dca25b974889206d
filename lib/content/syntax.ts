import remarkComment from '@slorber/remark-comment';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { PluggableList } from 'unified';

export type ContentFormat = 'md' | 'mdx';

export function formatOf(file: string): ContentFormat {
  return file.endsWith('.mdx') ? 'mdx' : 'md';
}

/**
 * The syntax extensions every review is parsed with. The index, the checker
 * and the renderer all use this list, so heading ids and paper positions
 * cannot drift between what is indexed and what is shown.
 */
export function syntaxPlugins(format: ContentFormat): PluggableList {
  return [
    remarkFrontmatter,
    remarkGfm,
    remarkMath,
    remarkDirective,
    // CommonMark refuses to close `**'메타 에이전트'**라는` (punctuation before,
    // a Hangul letter after); this extension relaxes the rule for CJK text.
    remarkCjkFriendly,
    // Docusaurus accepts `<!-- -->` in MDX through the same plugin.
    ...(format === 'mdx' ? [remarkComment] : []),
  ];
}

const legacyAdmonitionTitle =
  /^([ \t>]*):::(note|tip|info|warning|danger|caution|important|success|secondary)[ \t]+([^\n[{][^\n]*?)[ \t]*$/gm;

/**
 * Docusaurus rewrites the legacy `:::tip Title` form to `:::tip[Title]` before
 * parsing; doing the same keeps every line and column of the file in place
 * (the title only gains brackets), so error positions stay exact.
 */
export function preprocess(source: string): string {
  return source.replace(legacyAdmonitionTitle, (_m, prefix: string, kind: string, title: string) => {
    const escaped = title.replace(/([[\]\\])/g, '\\$1');
    return `${prefix}:::${kind}[${escaped}]`;
  });
}
