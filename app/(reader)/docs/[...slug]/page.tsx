import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Archive } from '@/components/review/month-archive';
import { ReviewArticle } from '@/components/review/review-article';
import { archiveFolders, archiveTitle, neighbouringMonths, reviewsInFolder } from '@/lib/content/index/archive';
import { getContentIndex } from '@/lib/content/index/content-index';
import { getReview } from '@/lib/content/index/queries';
import { feedAlternates } from '@/lib/feeds/links';

export const dynamicParams = false;

/** Every review, and every folder of reviews (the Docusaurus archive URLs such as /docs/papers/y2025/nov). */
export function generateStaticParams() {
  const index = getContentIndex();
  return [...index.reviews.map((review) => review.slug), ...archiveFolders(index)].map((slug) => ({ slug: slug.split('/') }));
}

type Props = { params: Promise<{ slug: string[] }> };

const ogImageUrl = (slug: string) => `/og/${slug}.png`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = (await params).slug.map(decodeURIComponent).join('/');
  const review = getReview(slug);
  if (!review) return { title: `Reviews · ${archiveTitle(slug)}`, openGraph: { images: [ogImageUrl(slug)] } };
  return {
    title: review.title,
    description: review.description,
    alternates: { canonical: review.url, ...feedAlternates() },
    openGraph: {
      type: 'article',
      title: review.title,
      description: review.description,
      url: review.url,
      publishedTime: review.date ?? undefined,
      tags: review.tags,
      images: [{ url: ogImageUrl(review.slug), width: 1200, height: 630, alt: review.title }],
    },
    twitter: { card: 'summary_large_image', images: [ogImageUrl(review.slug)] },
  };
}

export default async function ReviewPage({ params }: Props) {
  const slug = (await params).slug.map(decodeURIComponent).join('/');
  const review = getReview(slug);
  if (review) return <ReviewArticle review={review} />;
  const index = getContentIndex();
  const reviews = reviewsInFolder(index, slug);
  if (!reviews.length) notFound();
  return <Archive title={archiveTitle(slug)} reviews={reviews} neighbours={neighbouringMonths(index, slug)} />;
}
