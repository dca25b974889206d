import rehypeShiki from '@shikijs/rehype';
import { compile } from '@mdx-js/mdx';
import rehypeKatex from 'rehype-katex';
import type { PluggableList } from 'unified';
import type { Review } from './parse';
import { problemFromError, type ContentProblem } from './problems';
import { preprocess, syntaxPlugins } from './syntax';
import { remarkReview } from './transforms';

const shikiOptions = {
  themes: { light: 'github-light', dark: 'github-dark' },
  defaultColor: false,
  defaultLanguage: 'text',
  fallbackLanguage: 'text',
  // Loading every bundled grammar up front costs ~18 s; load each on first use.
  langs: [],
  lazy: true,
} as const;

/**
 * The MDX options a review renders with. `highlight: false` drops Shiki for
 * the content check: it never fails on input (unknown languages fall back to
 * plain text) and is the slowest step.
 */
export function reviewMdxOptions(review: Review, root: string, { highlight = true } = {}) {
  const rehypePlugins: PluggableList = [[rehypeKatex, { throwOnError: true, strict: false }]];
  if (highlight) rehypePlugins.push([rehypeShiki, shikiOptions]);
  return {
    format: review.format,
    remarkPlugins: [
      ...syntaxPlugins(review.format),
      remarkReview({ file: review.file, root, assets: review.assets, papers: review.papers }),
    ],
    rehypePlugins,
  };
}

/** Compiles a review the way next-mdx-remote does and reports where it fails, if it does. */
export async function compileProblems(review: Review, source: string, root: string): Promise<ContentProblem[]> {
  try {
    await compile(
      { value: preprocess(source), path: review.file },
      { ...reviewMdxOptions(review, root, { highlight: false }), outputFormat: 'function-body' },
    );
    return [];
  } catch (error) {
    return [problemFromError(review.file, error)];
  }
}
