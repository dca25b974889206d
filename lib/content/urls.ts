// Every URL the app makes for content, in one place: reviews keep their
// Docusaurus addresses, papers link to the heading that discusses them.
import { slugify } from '@/lib/content/source/slugs';

export const DOCS_PREFIX = '/docs';

/** `/docs/papers/y2025/nov/20251121`: the review's (or a month folder's) Docusaurus URL. */
export function reviewUrl(slug: string): string {
  return `${DOCS_PREFIX}/${slug}`;
}

/** The heading of a paper inside a review. */
export function appearanceHref(appearance: { reviewUrl: string; anchor: string }): string {
  return `${appearance.reviewUrl}#${appearance.anchor}`;
}


export const orgHref = (org: string) => `/orgs/${encodeURIComponent(org)}`;
/** Tags are free text in front matter (`Reinforcement Learning`); their URL is the slug. */
export const tagSlug = (tag: string) => slugify(tag);
export const tagHref = (tag: string) => `/tags/${encodeURIComponent(tagSlug(tag))}`;
