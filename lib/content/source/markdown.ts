import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { syntaxPlugins, type ContentFormat } from '@/lib/content/source/syntax';

const parsers = new Map<ContentFormat, ReturnType<typeof createParser>>();

function createParser(format: ContentFormat) {
  return unified()
    .use(remarkParse)
    .use(format === 'mdx' ? [remarkMdx] : [])
    .use(syntaxPlugins(format));
}

/**
 * The mdast of a (preprocessed) review, parsed exactly as the renderer will:
 * the index and the search documents both read their headings from this.
 * Throws the parser's VFileMessage on invalid input.
 */
export function parseMarkdown(source: string, format: ContentFormat): Root {
  let parser = parsers.get(format);
  if (!parser) {
    parser = createParser(format);
    parsers.set(format, parser);
  }
  return parser.runSync(parser.parse(source)) as Root;
}
