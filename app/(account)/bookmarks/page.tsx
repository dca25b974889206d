import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { OrgBadges } from '@/components/paper/org-badges';
import { Pagination, queryPageHref } from '@/components/layout/pagination';
import { BookmarkButton } from '@/components/reader/bookmark-button';
import { ExportPanel } from '@/components/reader/export-panel';
import { StatusSelect } from '@/components/reader/status-select';
import { requireReader } from '@/lib/auth/session';
import { listBookmarks } from '@/lib/reader/bookmarks';
import { readingStatusLabels, readingStatusSchema } from '@/lib/reader/shared';
import { paperCatalog } from '@/lib/content/index/catalog';
import { lookupPaper } from '@/lib/content/index/paper-lookup';
import { formatDate } from '@/lib/content/index/queries';

export const metadata: Metadata = { title: 'My bookmarks', robots: { index: false } };

const PAGE_SIZE = 20;
const query = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  status: readingStatusSchema.optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BookmarksPage({ searchParams }: Props) {
  const { page, status } = query.parse(await searchParams);
  const user = await requireReader('/bookmarks');
  const catalog = paperCatalog();
  const { items, total } = await listBookmarks(user.id, { page, pageSize: PAGE_SIZE, status });
  const filters = [{ value: undefined, label: 'All' }, ...Object.entries(readingStatusLabels).map(([value, label]) => ({ value, label }))];

  return (
    <div className="mx-auto max-w-3xl pt-10">
      <h1 className="text-3xl font-bold tracking-tight">My bookmarks</h1>
      <nav aria-label="Filter by reading status" className="mt-4 flex flex-wrap gap-2 text-sm">
        {filters.map((filter) => (
          <Link
            key={filter.label}
            href={filter.value ? `/bookmarks?status=${filter.value}` : '/bookmarks'}
            aria-current={status === filter.value ? 'page' : undefined}
            className={`rounded-full px-3 py-1 ring-1 ${status === filter.value ? 'bg-blue-600 text-white ring-blue-600' : 'ring-slate-300 dark:ring-slate-700'}`}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <div className="py-16 text-center text-slate-600 dark:text-slate-400">
          <p className="text-lg font-medium">{status ? 'No bookmarked papers with this status.' : 'No bookmarks yet.'}</p>
          <p className="mt-2 text-sm">
            Press <span aria-hidden>☆</span> Bookmark next to any paper in a{' '}
            <Link className="underline" href="/">
              review
            </Link>{' '}
            to keep it here.
          </p>
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 dark:divide-slate-800">
          {items.map((item) => {
            const paper = lookupPaper(item.paperId, catalog);
            return (
              <li key={item.paperId} className="py-4" data-bookmark-item={item.paperId}>
                <div className="flex flex-wrap items-baseline gap-2">
                  {paper ? (
                    <Link href={paper.href} className="font-semibold hover:underline">
                      {paper.name}
                    </Link>
                  ) : (
                    <span className="font-semibold">{item.paperId}</span>
                  )}
                  {paper ? <OrgBadges orgs={paper.orgs} /> : null}
                </div>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  {paper ? (
                    <>
                      in{' '}
                      <Link href={paper.href} className="underline">
                        {paper.reviewTitle}
                      </Link>{' '}
                      · {formatDate(paper.date)}
                    </>
                  ) : (
                    'This paper is no longer in any review.'
                  )}
                  {' · '}
                  {item.noteCount === 1 ? '1 note' : `${item.noteCount} notes`} · saved{' '}
                  {formatDate(item.createdAt.toISOString().slice(0, 10))}
                </p>
                <div className="mt-2 flex items-center gap-3">
                  <BookmarkButton paperId={item.paperId} anchorHref={paper?.href ?? '/bookmarks'} />
                  <StatusSelect paperId={item.paperId} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE_SIZE)} href={queryPageHref('/bookmarks', { status })} />
      <section aria-labelledby="export-heading" className="mt-12 border-t border-slate-200 pt-6 dark:border-slate-800">
        <h2 id="export-heading" className="mb-3 text-lg font-semibold">
          Export and import
        </h2>
        {/* With a status filter on, the papers shown are the selection to export. */}
        <ExportPanel paperIds={status ? items.map((item) => item.paperId) : undefined} />
      </section>
    </div>
  );
}
