import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PaperListPage } from '@/components/paper/paper-list-page';
import { tagSlug } from '@/lib/content/urls';
import { getContentIndex } from '@/lib/content/index/content-index';
import { paperListItems } from '@/lib/content/index/paper-list';

export const dynamicParams = false;

export function generateStaticParams() {
  return getContentIndex().tags.map(({ slug }) => ({ tag: slug }));
}

type Props = { params: Promise<{ tag: string }> };

/** A tag's reviews and the papers they discuss. */
async function tagged(params: Props['params']) {
  const slug = decodeURIComponent((await params).tag);
  const index = getContentIndex();
  const tag = index.tags.find((t) => t.slug === slug);
  const reviews = index.reviews.filter((review) => review.tags.some((t) => tagSlug(t) === slug));
  const ids = new Set(reviews.flatMap((review) => review.papers.map((paper) => paper.paperId)));
  return { tag, index, reviews, papers: index.papers.filter((paper) => ids.has(paper.paperId)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag, papers } = await tagged(params);
  return tag ? { title: `#${tag.tag}`, description: `${papers.length} papers in reviews tagged ${tag.tag}.` } : {};
}

export default async function TagPage({ params }: Props) {
  const { tag, index, reviews, papers } = await tagged(params);
  if (!tag) notFound();
  return (
    <PaperListPage
      crumb={`#${tag.tag}`}
      title={`#${tag.tag}`}
      summary={
        <>
          {papers.length} {papers.length === 1 ? 'paper' : 'papers'} in {reviews.length} {reviews.length === 1 ? 'review' : 'reviews'}:{' '}
          {reviews.map((review, i) => (
            <span key={review.slug}>
              {i ? ', ' : ''}
              <Link href={review.url} className="underline">
                {review.title}
              </Link>
            </span>
          ))}
        </>
      }
      papers={paperListItems(index, papers)}
    />
  );
}
