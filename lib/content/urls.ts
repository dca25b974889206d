// Every URL the app makes for content, in one place: reviews keep their
// Docusaurus addresses, papers link to the heading that discusses them.
// Only github-slugger, no MDX tooling: client islands build links with this module too.
import { slug } from 'github-slugger';

export const DOCS_PREFIX = '/docs';

/** `/docs/papers/y2025/nov/20251121`: the review's (or a month folder's) Docusaurus URL. */
export function reviewUrl(slug: string): string {
  return `${DOCS_PREFIX}/${slug}`;
}

/** The heading of a paper inside a review. */
export function appearanceHref(appearance: { reviewUrl: string; anchor: string }): string {
  return `${appearance.reviewUrl}#${appearance.anchor}`;
}

/**
 * The URL-safe id of a paper's own page: the arXiv id for arXiv papers
 * (`2511.16043`; old-style `hep-th/9901001` as `hep-th_9901001`), else the
 * review slug with `-` for `/`, then `--` and the heading anchor
 * (`papers-y2025-nov-20251121--1-sam-3d`).
 */
export function paperPageId(paperId: string): string {
  if (paperId.startsWith('arxiv:')) return paperId.slice('arxiv:'.length).replaceAll('/', '_');
  const at = paperId.lastIndexOf('#');
  return `${paperId.slice(0, at).replaceAll('/', '-')}--${paperId.slice(at + 1)}`;
}

/** `/papers/2511.16043`: the paper's own page. */
export const paperHref = (paperId: string) => `/papers/${encodeURIComponent(paperPageId(paperId))}`;

export const orgHref = (org: string) => `/orgs/${encodeURIComponent(org)}`;
/** Tags are free text in front matter (`Reinforcement Learning`); their URL is the slug. */
export const tagSlug = (tag: string) => slug(tag);
export const tagHref = (tag: string) => `/tags/${encodeURIComponent(tagSlug(tag))}`;
