import 'server-only';
import { readFile } from 'node:fs/promises';
import { compileMDX } from 'next-mdx-remote/rsc';
import { mdxComponents } from '@/components/review/mdx-components';
import { locateCompileError, reviewMdxOptions } from '@/lib/content/render/mdx-options';
import type { Review } from '@/lib/content/source/parse-review';
import { ContentError } from '@/lib/content/source/problems';
import { preprocess } from '@/lib/content/source/syntax';
import type { RenderContext } from '@/lib/content/source/transforms';

/**
 * Compiles a review to React elements on the server; a broken file fails with
 * `file:line:column`. Feeds pass `feedMdxComponents` (no paper rows). A theme
 * component imported under another name (`import Box from '@theme/Admonition'`)
 * is handed in under that name too.
 */
export async function renderReview(review: Review, root: string, alsoIn?: RenderContext['alsoIn'], components = mdxComponents) {
  if (review.problems.length) throw new ContentError(review.problems);
  const source = await readFile(review.file, 'utf8');
  const imported = Object.fromEntries(Object.entries(review.components).map(([local, name]) => [local, components[name]]));
  try {
    const { content } = await compileMDX({
      source: preprocess(source),
      components: { ...components, ...imported },
      options: reviewMdxOptions(review, root, { alsoIn }),
    });
    return content;
  } catch (error) {
    throw new ContentError([locateCompileError(review.file, source, error)]);
  }
}
