import 'server-only';
import type { ContentIndex, Review } from '@/lib/content/index';
import { otherAppearances } from '@/lib/content/paper-lookup';
import { renderReview } from '@/lib/content/render';
import { absoluteUrl, siteOrigin } from './absolute-url';
import { feedHtml } from './review-html';

/**
 * A review's full HTML for feeds, from the same compiled MDX as its page.
 * No react-dom/server: see static-tree.ts for why route handlers can't use it.
 */
export function reviewHtmlRenderer(index: ContentIndex, siteUrl: string) {
  return async (review: Review): Promise<string> => {
    const element = await renderReview(review, index.root, otherAppearances(index, review));
    return feedHtml(element, absoluteUrl(review.url, `${siteOrigin(siteUrl)}/`));
  };
}
