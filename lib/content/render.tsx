import 'server-only';
import { readFile } from 'node:fs/promises';
import { compileMDX } from 'next-mdx-remote/rsc';
import { mdxComponents } from '@/components/mdx/mdx-components';
import { locateCompileError, reviewMdxOptions } from './mdx-options';
import type { Review } from './parse';
import { ContentError } from './problems';
import { preprocess } from './syntax';
import type { RenderContext } from './transforms';

/** Compiles a review to React elements on the server; a broken file fails with `file:line:column`. */
export async function renderReview(review: Review, root: string, alsoIn?: RenderContext['alsoIn']) {
  if (review.problems.length) throw new ContentError(review.problems);
  const source = await readFile(review.file, 'utf8');
  try {
    const { content } = await compileMDX({ source: preprocess(source), components: mdxComponents, options: reviewMdxOptions(review, root, { alsoIn }) });
    return content;
  } catch (error) {
    throw new ContentError([locateCompileError(review.file, source, error)]);
  }
}
