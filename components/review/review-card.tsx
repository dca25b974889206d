import Link from 'next/link';
import type { Review } from '@/lib/content/source/parse-review';
import { formatDate } from '@/lib/content/index/queries';
import { OrgBadges } from '@/components/paper/org-badges';
import { BookmarkButton } from '@/components/reader/bookmark-button';

export function ReviewCard({ review }: { review: Review }) {
  return (
    <article lang={review.lang} className="border-b border-slate-200 py-8 last:border-0 dark:border-slate-800">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <time dateTime={review.date ?? undefined}>{formatDate(review.date)}</time>
        <span aria-hidden> · </span>
        {review.papers.length} papers · {review.readingMinutes} min read
        {review.draft ? (
          <span className="ml-2 rounded bg-amber-100 px-1.5 text-amber-800 dark:bg-amber-900 dark:text-amber-100">draft</span>
        ) : null}
      </p>
      <h2 className="mt-1 text-xl font-bold tracking-tight sm:text-2xl">
        <Link href={review.url} className="hover:text-blue-600 dark:hover:text-blue-400">
          {review.title}
        </Link>
      </h2>
      {review.description ? <p className="mt-2 line-clamp-2 text-slate-600 dark:text-slate-400">{review.description}</p> : null}
      <ol className="mt-4 grid gap-2 sm:grid-cols-2">
        {review.papers.map((paper) => (
          <li key={paper.anchor} className="flex min-w-0 items-baseline gap-2 text-sm">
            <span className="w-5 shrink-0 text-right tabular-nums text-slate-500 dark:text-slate-400">{paper.position}.</span>
            <span className="min-w-0">
              <Link
                href={`${review.url}#${paper.anchor}`}
                className="font-medium hover:text-blue-600 hover:underline dark:hover:text-blue-400"
              >
                {paper.name}
              </Link>{' '}
              <OrgBadges orgs={paper.orgs} />{' '}
              <BookmarkButton paperId={paper.paperId} paperName={paper.name} anchorHref={`${review.url}#${paper.anchor}`} compact />
            </span>
          </li>
        ))}
      </ol>
    </article>
  );
}
