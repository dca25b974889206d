import { pageCount, reviewsOnPage } from '@/lib/content/index/queries';
import { Pagination, pageHref } from '@/components/layout/pagination';
import { ReviewCard } from '@/components/review/review-card';

export function ReviewList({ page }: { page: number }) {
  const reviews = reviewsOnPage(page);
  return (
    <>
      <div className="pt-10 pb-2">
        <h1 className="text-3xl font-bold tracking-tight">Weekly papers reviews</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">Newest first. Every paper links to the exact place it is discussed.</p>
      </div>
      {reviews.length ? (
        reviews.map((review) => <ReviewCard key={review.slug} review={review} />)
      ) : (
        <p className="py-16 text-center text-slate-500 dark:text-slate-400">No reviews yet: add an .mdx file under content/.</p>
      )}
      <Pagination page={page} pages={pageCount()} href={pageHref} labels={['← Newer', 'Older →']} />
    </>
  );
}
