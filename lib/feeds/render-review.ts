import 'server-only';
import type { ContentIndex, Review } from '@/lib/content/index/content-index';
import { otherAppearances } from '@/lib/content/index/paper-lookup';
import { renderReview } from '@/components/review/review-body';
import { absoluteUrl, siteOrigin } from '@/lib/feeds/absolute-url';
import { feedHtml } from '@/lib/feeds/review-html';

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
