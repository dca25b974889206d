import type { PaperListItem as Item } from '@/lib/content/index/paper-list';
import { OrgBadges } from '@/components/paper/org-badges';
import { BookmarkButton } from '@/components/reader/bookmark-button';

/** One paper in a list (/papers, an org, a tag): rendered the same on the server and in the /papers filter. */
export function PaperListItem({ paper }: { paper: Item }) {
  const first = paper.appearances[0]?.href;
  return (
    <li className="py-3" data-paper-id={paper.paperId}>
      <a href={paper.page} className="font-medium hover:text-blue-600 hover:underline dark:hover:text-blue-400">
        {paper.name}
      </a>{' '}
      <OrgBadges orgs={paper.orgs} />{' '}
      <BookmarkButton paperId={paper.paperId} paperName={paper.name} anchorHref={first ?? '/papers'} compact />
      {paper.subtitle ? <p className="text-sm text-slate-600 dark:text-slate-400">{paper.subtitle}</p> : null}
      <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
        {paper.appearances.map((appearance, i) => (
          <span key={appearance.href}>
            {i ? ' · ' : 'in '}
            <a href={appearance.href} className="hover:underline">
              {appearance.reviewTitle}
            </a>{' '}
            ({appearance.date})
          </span>
        ))}
      </p>
    </li>
  );
}
