import type { Review } from '@/lib/content/source/parse-review';
import { ReviewCard } from '@/components/review/review-card';

export function Archive({ title, reviews }: { title: string; reviews: Review[] }) {
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
    </>
  );
}
