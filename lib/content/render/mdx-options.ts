import rehypeShiki from '@shikijs/rehype';
import { serialize } from 'next-mdx-remote/serialize';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import type { PluggableList } from 'unified';
import type { VFile } from 'vfile';
import type { Review } from '@/lib/content/source/parse-review';
import { problemFromError, type ContentProblem } from '@/lib/content/source/problems';
import { preprocess, syntaxPlugins } from '@/lib/content/source/syntax';
import { remarkReview, type RenderContext } from '@/lib/content/source/transforms';

const shikiOptions = {
  // github-dark-default: github-dark's comments (#6a737d on #24292e) fail WCAG AA contrast.
  themes: { light: 'github-light', dark: 'github-dark-default' },
  defaultColor: false,
  defaultLanguage: 'text',
  fallbackLanguage: 'text',
  // Loading every bundled grammar up front costs ~18 s; load each on first use.
  langs: [],
  lazy: true,
} as const;

const mdxNodeTypes = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/**
 * next-mdx-remote options for a review. Reviews are trusted author content,
 * so JS expressions stay on (`blockJS: false`: image variables and
 * `style={{...}}` need them) while dangerous calls are still refused. ESM
 * imports can't run from a string: the images they name are resolved by the
 * index and handed in as scope. `highlight: false` drops Shiki for the
 * content check: it never fails on input and is the slowest step.
 */
export function reviewMdxOptions(review: Review, root: string, { highlight = true, alsoIn }: { highlight?: boolean; alsoIn?: RenderContext['alsoIn'] } = {}) {
  const rehypePlugins: PluggableList = [[rehypeKatex, { strict: false }], failOnMathErrors];
  // Plain .md files may carry raw HTML; Docusaurus renders it with rehype-raw too.
  if (review.format === 'md') rehypePlugins.unshift([rehypeRaw, { passThrough: mdxNodeTypes }]);
  if (highlight) rehypePlugins.push([rehypeShiki, shikiOptions]);
  return {
    blockJS: false,
    blockDangerousJS: true,
    parseFrontmatter: false,
    scope: review.assets.imports,
    mdxOptions: {
      format: review.format,
      remarkPlugins: [
        ...syntaxPlugins(review.format),
        remarkReview({ file: review.file, root, assets: review.assets, papers: review.papers, alsoIn }),
      ],
      rehypePlugins,
    },
  };
}

/**
 * rehype-katex only warns and paints bad math red; a review with math that
 * does not parse should fail the check and the build instead.
 */
function failOnMathErrors() {
  return (_tree: unknown, file: VFile) => {
    const message = file.messages.find((m) => m.source === 'rehype-katex');
    if (!message) return;
    const cause = message.cause instanceof Error ? message.cause.message.split('\n')[0] : message.reason;
    throw new Error(`${cause} (${message.line ?? 1}:${message.column ?? 1})`);
  };
}

/** Compiles a review exactly as the renderer does and reports where it fails, if it does. */
export async function compileProblems(review: Review, source: string, root: string): Promise<ContentProblem[]> {
  try {
    await serialize(preprocess(source), reviewMdxOptions(review, root, { highlight: false }));
    return [];
  } catch (error) {
    return [locateCompileError(review.file, source, error)];
  }
}

/**
 * next-mdx-remote flattens the compiler's position into a code frame in the
 * message, and its security check gives none; recover `line:column` from the
 * frame, or from where the refused name first appears in an expression.
 */
export function locateCompileError(file: string, source: string, error: unknown): ContentProblem {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^\[next-mdx-remote\] error compiling MDX:\s*/, '');
  const fromText = problemFromError(file, new Error(text));
  if (fromText.line !== 1 || fromText.column !== 1) return fromText;
  const message = fromText.message;
  const frame = /^>\s*(\d+)\s*\|.*\n(\s*\|)(\s*)\^/m.exec(text);
  if (frame) return { file, line: Number(frame[1]), column: Math.max(1, frame[3]!.length), message };
  const name = /'([^']+)'|(\w+)\(\) calls|\.(\w+) access|new (\w+)\(\)/.exec(message)?.slice(1).find(Boolean);
  const lines = source.split('\n');
  const line = name ? lines.findIndex((l) => l.includes('{') && l.includes(name)) : -1;
  return { file, line: line + 1 || 1, column: line >= 0 ? lines[line]!.indexOf(name!) + 1 : 1, message };
}
