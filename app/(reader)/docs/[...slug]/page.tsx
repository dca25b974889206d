import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReviewArticle } from '@/components/review-article';
import { getContentIndex } from '@/lib/content/index';
import { getReview } from '@/lib/content/queries';

export const dynamicParams = false;

export function generateStaticParams() {
  return getContentIndex().reviews.map((review) => ({ slug: review.slug.split('/') }));
}

type Props = { params: Promise<{ slug: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const review = getReview((await params).slug.map(decodeURIComponent).join('/'));
  if (!review) return {};
  return {
    title: review.title,
    description: review.description,
    alternates: { canonical: review.url },
    openGraph: {
      type: 'article',
      title: review.title,
      description: review.description,
      url: review.url,
      publishedTime: review.date ?? undefined,
      tags: review.tags,
    },
  };
}

export default async function ReviewPage({ params }: Props) {
  const review = getReview((await params).slug.map(decodeURIComponent).join('/'));
  if (!review) notFound();
  return <ReviewArticle review={review} />;
}
