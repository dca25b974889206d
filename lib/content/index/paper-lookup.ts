import { paperCatalog } from '@/lib/content/index/catalog';
import { appearanceHref } from '@/lib/content/urls';
import type { ContentIndex, Paper } from '@/lib/content/index/content-index';
import type { Review } from '@/lib/content/source/parse-review';
import type { OtherAppearance } from '@/lib/content/source/transforms';

/**
 * A paper by id with the appearance to link to (the newest review that
 * discusses it). Lists pass one catalog for all their rows: in development
 * each paperCatalog() call re-checks every content file's time.
 */
export function lookupPaper(
  paperId: string,
  catalog: ReadonlyMap<string, Paper> = paperCatalog(),
): (Paper & { href: string; reviewTitle: string; date: string | null }) | null {
  const paper = catalog.get(paperId);
  const appearance = paper?.appearances[0];
  if (!paper || !appearance) return null;
  return { ...paper, href: appearanceHref(appearance), reviewTitle: appearance.reviewTitle, date: appearance.date };
}

/** For each paper of a review, the other reviews that discuss it too. */
export function otherAppearances(index: ContentIndex, review: Review): Record<string, OtherAppearance[]> {
  return Object.fromEntries(
    review.papers.map((paper) => [
      paper.paperId,
      (index.byPaperId.get(paper.paperId)?.appearances ?? [])
        .filter((a) => a.reviewSlug !== review.slug)
        .map((a) => ({ href: appearanceHref(a), title: a.reviewTitle, date: a.date })),
    ]),
  );
}
