import { paperCatalog } from '@/lib/content/index/catalog';
import { getContentIndex, type Paper } from '@/lib/content/index/content-index';

/** A review as the reader's data needs it: where it is, what it is called, its papers in order. */
export type ReviewSummary = {
  slug: string;
  url: string;
  title: string;
  date: string | null;
  /** In the order the review discusses them. */
  papers: { paperId: string; anchor: string; position: number; name: string }[];
};

const summaries = new WeakMap<ReadonlyMap<string, Paper>, Map<string, ReviewSummary>>();

/**
 * Every review that discusses a paper, from the paper catalog (what a
 * production server reads instead of parsing every review). Built once per
 * catalog: in development the catalog is the live index's map, which is
 * replaced when an author saves.
 */
export function reviewSummaries(catalog: ReadonlyMap<string, Paper> = paperCatalog()): ReadonlyMap<string, ReviewSummary> {
  let map = summaries.get(catalog);
  if (map) return map;
  map = new Map();
  for (const paper of catalog.values()) {
    for (const a of paper.appearances) {
      let review = map.get(a.reviewSlug);
      if (!review) {
        review = { slug: a.reviewSlug, url: a.reviewUrl, title: a.reviewTitle, date: a.date, papers: [] };
        map.set(a.reviewSlug, review);
      }
      review.papers.push({ paperId: paper.paperId, anchor: a.anchor, position: a.position, name: paper.name });
    }
  }
  for (const review of map.values()) review.papers.sort((x, y) => x.position - y.position);
  summaries.set(catalog, map);
  return map;
}

/**
 * A published review by slug. A review that discusses no paper is not in the
 * catalog; only then is the content index asked (parsed once per process).
 */
export function findReview(slug: string, catalog: ReadonlyMap<string, Paper> = paperCatalog()): ReviewSummary | null {
  const known = reviewSummaries(catalog).get(slug);
  if (known) return known;
  const review = getContentIndex().bySlug.get(slug);
  if (!review) return null;
  return { slug: review.slug, url: review.url, title: review.title, date: review.date, papers: [] };
}
