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

// Docusaurus's legacy admonition keywords; `::::info Title` (4+ colons) is an outer box around a nested one.
const legacyAdmonitionTitle =
  /^([ \t>]*)(:{3,})(note|tip|info|warning|danger|caution|important|success|secondary)[ \t]+([^\n[{][^\n]*?)[ \t]*$/;
const headingLine = /^[ \t>]*#{1,6}(?:[ \t]|$)/;
const fence = /^[ \t>]*(`{3,}|~{3,})/;
// Docusaurus unwraps these (3 or 4 backticks only, as it does) and compiles their content as MDX.
const mdxCodeBlock = /^(`{3,4}) *mdx-code-block$/;

/**
 * Docusaurus's own rewrites before parsing:
 * - a ```` ```mdx-code-block ```` fence is unwrapped: its content is MDX;
 * - the legacy `:::tip Title` form becomes `:::tip[Title]`;
 * - in a heading, the first `{#` is escaped to `\{#`, so MDX reads an
 *   explicit id `## Title {#my-id}` (or any `{#…}`) as text, not as a
 *   JavaScript expression; assignHeadingIds then takes the id off the heading.
 * Code fences are left alone. Every line keeps its number (an unwrapped
 * fence leaves a blank line where Docusaurus removes it) and only gains
 * characters at or after the change, so error positions stay exact.
 */
export function preprocess(source: string): string {
  let open: string | null = null;
  let unwrapping: string | null = null;
  return source
    .split('\n')
    .map((line) => {
      if (unwrapping !== null && line === unwrapping) {
        unwrapping = null;
        return '';
      }
      const marker = fence.exec(line)?.[1];
      if (open === null && unwrapping === null && marker) {
        const unwrap = mdxCodeBlock.exec(line);
        if (unwrap) {
          unwrapping = unwrap[1]!;
          return '';
        }
      }
      if (marker && (open === null || (marker[0] === open[0] && marker.length >= open.length))) {
        open = open === null ? marker : null;
        return line;
      }
      if (open !== null) return line;
      const admonition = legacyAdmonitionTitle.exec(line);
      if (admonition) {
        const [, prefix, colons, kind, title] = admonition;
        return `${prefix}${colons}${kind}[${title!.replace(/([[\]\\])/g, '\\$1')}]`;
      }
      return headingLine.test(line) ? line.replace(/(?<!\\)\{#/, '\\{#') : line;
    })
    .join('\n');
}
