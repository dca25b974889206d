import Link from 'next/link';
import { tagHref } from '@/lib/content/urls';
import { editUrl } from '@/lib/content/source/edit-url';
import { getContentIndex } from '@/lib/content/index/content-index';
import { otherAppearances } from '@/lib/content/index/paper-lookup';
import type { Review } from '@/lib/content/source/parse-review';
import { adjacentReviews, formatDate } from '@/lib/content/index/queries';
import { renderReview } from '@/components/review/review-body';
import { ContentError } from '@/lib/content/source/problems';
import { siteConfig } from '@/lib/config/site';
import { FigureZoom } from '@/components/review/figure-zoom';
import { TableOfContents } from '@/components/review/table-of-contents';
import { HighlightIsland } from '@/components/highlights/highlight-island';

export async function ReviewArticle({ review }: { review: Review }) {
  const index = getContentIndex();
  let content;
  try {
    content = await renderReview(review, index.root, otherAppearances(index, review));
  } catch (error) {
    // `next dev` only: every problem in the file where a reader would get the
    // "try again" page. The imports sit inside the branch, so a production
    // build compiles them away.
    if (process.env.NODE_ENV === 'development') {
      if (error instanceof ContentError) {
        const [{ AuthorErrorPage }, { reviewErrors }] = await Promise.all([
          import('@/components/dev/content-problems'),
          import('@/lib/content/check'),
        ]);
        const problems = await reviewErrors(review, index.root);
        return <AuthorErrorPage file={review.file} problems={problems.length ? problems : error.problems} />;
      }
    }
    throw error;
  }
  // Under `next dev`, broken links and anchors in this review are listed above it (production builds refuse them).
  let warnings = null;
  if (process.env.NODE_ENV === 'development') {
    const [{ AuthorWarnings }, { reviewWarnings }] = await Promise.all([
      import('@/components/dev/content-problems'),
      import('@/lib/content/check'),
    ]);
    warnings = <AuthorWarnings problems={reviewWarnings(review, index)} />;
  }
  const { newer, older } = adjacentReviews(review.slug);
  const edit = editUrl(review.file, siteConfig.editUrlBase);
  const hasTitle = review.headings.some((heading) => heading.depth === 1);
  return (
    <div className="flex flex-col lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-12">
      <article lang={review.lang} className="min-w-0 pt-8">
        {warnings}
        <p className="text-sm text-slate-500 dark:text-slate-400">
          <time dateTime={review.date ?? undefined}>{formatDate(review.date)}</time> · {review.readingMinutes} min read ·{' '}
          {review.papers.length} papers
          {review.tags.map((tag) => (
            <span key={tag}>
              {' · '}
              <Link href={tagHref(tag)} className="hover:underline">
                #{tag}
              </Link>
            </span>
          ))}
        </p>
        {hasTitle ? null : <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{review.title}</h1>}
        {/* data-highlight-root: the text readers highlight (lib/highlights/anchoring.ts). */}
        <div
          data-highlight-root
          className="prose prose-slate mt-4 max-w-prose dark:prose-invert prose-headings:scroll-mt-20 prose-h1:text-3xl sm:prose-h1:text-4xl prose-a:text-blue-600 dark:prose-a:text-blue-400"
        >
          {content}
        </div>
        <HighlightIsland review={review.slug} />
        <p className="mt-10 flex max-w-prose flex-wrap gap-x-4 text-sm text-slate-500 dark:text-slate-400">
          {review.lastUpdated ? (
            <span>
              Last updated <time dateTime={review.lastUpdated}>{formatDate(review.lastUpdated)}</time>
            </span>
          ) : null}
          {edit ? (
            <a href={edit} className="underline">
              Edit this page
            </a>
          ) : null}
        </p>
        <FigureZoom />
        <nav
          aria-label="More reviews"
          className="mt-6 grid max-w-prose gap-4 border-t border-slate-200 pt-6 text-sm sm:grid-cols-2 dark:border-slate-800"
        >
          {older ? (
            <Link
              href={older.url}
              rel="prev"
              className="rounded-lg p-3 ring-1 ring-slate-200 hover:bg-slate-50 dark:ring-slate-800 dark:hover:bg-slate-900"
            >
              <span className="block text-slate-500 dark:text-slate-400">← Previous</span>
              <span className="font-medium">{older.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {newer ? (
            <Link
              href={newer.url}
              rel="next"
              className="rounded-lg p-3 text-right ring-1 ring-slate-200 hover:bg-slate-50 dark:ring-slate-800 dark:hover:bg-slate-900"
            >
              <span className="block text-slate-500 dark:text-slate-400">Next →</span>
              <span className="font-medium">{newer.title}</span>
            </Link>
          ) : null}
        </nav>
      </article>
      <TableOfContents review={review} />
    </div>
  );
}
