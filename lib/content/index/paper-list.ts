import { appearanceHref, paperHref } from '@/lib/content/urls';
import type { ContentIndex } from '@/lib/content/index/content-index';
import { formatDate } from '@/lib/content/index/queries';

export type PaperListItem = {
  paperId: string;
  name: string;
  /** The paper's own page. */
  page: string;
  subtitle: string | null;
  orgs: string[];
  appearances: { href: string; reviewTitle: string; date: string }[];
};

/** Papers newest-first, trimmed to what the /papers list shows (it crosses to the client). */
export function paperListItems(index: ContentIndex, papers = index.papers): PaperListItem[] {
  return papers.map((paper) => ({
    paperId: paper.paperId,
    name: paper.name,
    page: paperHref(paper.paperId),
    subtitle: paper.subtitle,
    orgs: paper.orgs,
    appearances: paper.appearances.map((a) => ({ href: appearanceHref(a), reviewTitle: a.reviewTitle, date: formatDate(a.date) })),
  }));
}
