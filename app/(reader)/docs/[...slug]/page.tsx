import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Archive } from '@/components/review/month-archive';
import { ReviewArticle } from '@/components/review/review-article';
import { archiveFolders, archiveTitle, neighbouringMonths, reviewsInFolder } from '@/lib/content/index/archive';
import { getContentIndex } from '@/lib/content/index/content-index';
import { getReview, isContentPath } from '@/lib/content/index/queries';
import { feedAlternates } from '@/lib/feeds/links';

// Every review is prerendered from generateStaticParams. A slug not in that
// list is looked up by the page itself, which answers 404 for one that does
// not exist (from a listing of the folder, before any parsing): with `false`, `next dev` kept serving a review saved a moment ago
// as 404 for seconds, from its cached list of params (the value must be a
// literal, so it cannot be `false` in production only).
export const dynamicParams = true;

/**
 * Every review, and every folder of reviews (the Docusaurus archive URLs such
 * as /docs/papers/y2025/nov). Not under `next dev`, which renders every
 * request anyway: there Next runs this in a fresh worker that parsed every
 * review again (5 s before the first page of 100 reviews, and again in the
 * background after each save).
 */
export function generateStaticParams() {
  if (process.env.NODE_ENV === 'development') return [];
  const index = getContentIndex();
  return [...index.reviews.map((review) => review.slug), ...archiveFolders(index)].map((slug) => ({ slug: slug.split('/') }));
}

type Props = { params: Promise<{ slug: string[] }> };

const ogImageUrl = (slug: string) => `/og/${slug}.png`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = (await params).slug.map(decodeURIComponent).join('/');
  if (!isContentPath(slug)) notFound();
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
  if (!isContentPath(slug)) notFound();
  const review = getReview(slug);
  if (review) return <ReviewArticle review={review} />;
  const index = getContentIndex();
  const reviews = reviewsInFolder(index, slug);
  if (!reviews.length) notFound();
  return <Archive title={archiveTitle(slug)} reviews={reviews} neighbours={neighbouringMonths(index, slug)} />;
}
