import type { PaperListItem } from '@/components/paper-filter';
import type { ContentIndex } from './index';
import { formatDate } from './queries';

/** Papers newest-first, trimmed to what the /papers list shows (it crosses to the client). */
export function paperListItems(index: ContentIndex): PaperListItem[] {
  return index.papers.map((paper) => ({
    paperId: paper.paperId,
    name: paper.name,
    subtitle: paper.subtitle,
    orgs: paper.orgs,
    appearances: paper.appearances.map((a) => ({ href: `${a.reviewUrl}#${a.anchor}`, reviewTitle: a.reviewTitle, date: formatDate(a.date) })),
  }));
}
