import { notFound, redirect } from 'next/navigation';
import { ReviewList } from '@/components/review/review-list';
import { pageCount } from '@/lib/content/index/queries';

export const dynamicParams = false;

export function generateStaticParams() {
  // Page 1 lives at `/`; a build with one page still needs one param here.
  const pages = pageCount();
  return pages > 1 ? Array.from({ length: pages - 1 }, (_, i) => ({ page: String(i + 2) })) : [{ page: '2' }];
}

export default async function ReviewsPage({ params }: { params: Promise<{ page: string }> }) {
  const { page } = await params;
  const number = Number(page);
  if (number === 1) redirect('/');
  if (!Number.isInteger(number) || number < 1 || number > pageCount()) notFound();
  return <ReviewList page={number} />;
}
