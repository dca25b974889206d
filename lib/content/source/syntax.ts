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
  /^([ \t>]*):::(note|tip|info|warning|danger|caution|important|success|secondary)[ \t]+([^\n[{][^\n]*?)[ \t]*$/;
const headingWithId = /^([ \t>]*#{1,6}[ \t].*?)\{#([^\s{}]+)\}([ \t]*)$/;
const fence = /^[ \t>]*(`{3,}|~{3,})/;

/**
 * Docusaurus's own rewrites before parsing, applied outside code fences:
 * - the legacy `:::tip Title` form becomes `:::tip[Title]`;
 * - an explicit heading id `## Title {#my-id}` is escaped to `\{#my-id\}`, so
 *   MDX reads it as text, not as a JavaScript expression; assignHeadingIds
 *   then takes it off the heading and uses it as the id.
 * Every line keeps its number and only gains characters at or after the
 * change, so error positions stay exact up to it.
 */
export function preprocess(source: string): string {
  let open: string | null = null;
  return source
    .split('\n')
    .map((line) => {
      const marker = fence.exec(line)?.[1];
      if (marker && (open === null || (marker[0] === open[0] && marker.length >= open.length))) {
        open = open === null ? marker : null;
        return line;
      }
      if (open !== null) return line;
      const admonition = legacyAdmonitionTitle.exec(line);
      if (admonition) {
        const [, prefix, kind, title] = admonition;
        return `${prefix}:::${kind}[${title!.replace(/([[\]\\])/g, '\\$1')}]`;
      }
      return line.replace(headingWithId, (_m, heading: string, id: string, trailing: string) => `${heading}\\{#${id}\\}${trailing}`);
    })
    .join('\n');
}
