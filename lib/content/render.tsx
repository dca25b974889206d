import 'server-only';
import { readFile } from 'node:fs/promises';
import { compileMDX } from 'next-mdx-remote/rsc';
import { mdxComponents } from '@/components/mdx/mdx-components';
import { compileProblems, reviewMdxOptions } from './mdx-options';
import type { Review } from './parse';
import { ContentError, problemFromError } from './problems';
import { preprocess } from './syntax';

/**
 * Compiles a review to React elements on the server. Reviews are trusted
 * author content, so JS expressions stay on (`blockJS: false`: image
 * variables and `style={{...}}` need them) while next-mdx-remote still strips
 * dangerous calls. ESM imports can't run from a string, so the images they
 * name are resolved by the index and handed in as scope variables.
 */
export async function renderReview(review: Review, root: string) {
  if (review.problems.length) throw new ContentError(review.problems);
  const source = await readFile(review.file, 'utf8');
  try {
    const { content } = await compileMDX({
      source: preprocess(source),
      components: mdxComponents,
      options: {
        blockJS: false,
        blockDangerousJS: true,
        parseFrontmatter: false,
        scope: review.assets.imports,
        mdxOptions: reviewMdxOptions(review, root),
      },
    });
    return content;
  } catch (error) {
    // next-mdx-remote flattens the compiler's position into text; compile
    // again on this rare path to name the exact line and column.
    const located = await compileProblems(review, source, root);
    throw new ContentError(located.length ? located : [problemFromError(review.file, error)]);
  }
}
