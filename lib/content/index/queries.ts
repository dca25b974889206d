import { getContentIndex, type ContentIndex } from '@/lib/content/index/content-index';
import { listContentFiles } from '@/lib/content/source/files';
import type { Review } from '@/lib/content/source/parse-review';

export const REVIEWS_PER_PAGE = 10;

export function getReview(slug: string): Review | undefined {
  return getContentIndex().bySlug.get(slug);
}

/**
 * Whether a review file or a folder of them is at this slug: a listing of the
 * folder, no parsing. A URL that is neither answers 404 before the index is
 * built, which on a cold server parses every review.
 */
export function isContentPath(slug: string): boolean {
  return listContentFiles().some((file) => file.slug === slug || file.slug.startsWith(`${slug}/`));
}

export function pageCount(index: ContentIndex = getContentIndex()): number {
  return Math.max(1, Math.ceil(index.reviews.length / REVIEWS_PER_PAGE));
}

export function reviewsOnPage(page: number, index: ContentIndex = getContentIndex()): Review[] {
  return index.reviews.slice((page - 1) * REVIEWS_PER_PAGE, page * REVIEWS_PER_PAGE);
}

/** Newer and older neighbours of a review in the newest-first list. */
export function adjacentReviews(slug: string): { newer: Review | null; older: Review | null } {
  const { reviews } = getContentIndex();
  const at = reviews.findIndex((review) => review.slug === slug);
  return { newer: reviews[at - 1] ?? null, older: at >= 0 ? (reviews[at + 1] ?? null) : null };
}

// One formatter for the process: constructing an Intl.DateTimeFormat costs far
// more than formatting with it, and a signed-in list formats two dates a row
// (about 4% of /bookmarks' CPU when each call built its own).
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDate(date: string | null): string {
  if (!date) return '';
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}
