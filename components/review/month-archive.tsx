import Link from 'next/link';
import type { ArchiveLink } from '@/lib/content/index/archive';
import type { Review } from '@/lib/content/source/parse-review';
import { ReviewCard } from '@/components/review/review-card';

export function Archive({
  title,
  reviews,
  neighbours,
}: {
  title: string;
  reviews: Review[];
  /** The months before and after, on a month archive. */
  neighbours?: { older: ArchiveLink | null; newer: ArchiveLink | null };
}) {
  const months =
    neighbours && (neighbours.older || neighbours.newer) ? (
      <nav
        aria-label="Other months"
        className="mt-8 flex flex-wrap justify-between gap-4 border-t border-slate-200 pt-6 text-sm dark:border-slate-800"
      >
        {neighbours.older ? (
          <Link href={neighbours.older.url} rel="prev" className="inline-flex min-h-6 items-center hover:underline">
            ← {neighbours.older.title}
          </Link>
        ) : (
          <span />
        )}
        {neighbours.newer ? (
          <Link href={neighbours.newer.url} rel="next" className="inline-flex min-h-6 items-center hover:underline">
            {neighbours.newer.title} →
          </Link>
        ) : null}
      </nav>
    ) : null;
  return (
    <>
      <div className="pt-10 pb-2">
        <p className="text-sm text-slate-500 dark:text-slate-400">Archive</p>
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          {reviews.length} {reviews.length === 1 ? 'review' : 'reviews'}, newest first.
        </p>
      </div>
      {reviews.map((review) => (
        <ReviewCard key={review.slug} review={review} />
      ))}
      {months}
    </>
  );
}
