import { renderToStaticMarkup } from 'react-dom/server';
import { buildIndex } from '@/lib/content/index/content-index';
import { otherAppearances } from '@/lib/content/index/paper-lookup';
import { renderReview } from '@/components/review/review-body';

/** Renders one review of a content folder to the HTML a reader's browser receives. */
export async function renderFixture(root: string, slug: string): Promise<string> {
  const index = buildIndex(root);
  const review = index.bySlug.get(slug);
  if (!review) throw new Error(`no review ${slug} in ${root}`);
  return renderToStaticMarkup(await renderReview(review, root, otherAppearances(index, review)));
}
