import Link from 'next/link';
import { OrgBadges } from '@/components/paper/org-badges';
import { Pagination } from '@/components/layout/pagination';
import { BookmarkButton } from '@/components/reader/bookmark-button';
import { CollectionManager } from '@/components/reader/collection-manager';
import { CollectionPicker } from '@/components/reader/collection-picker';
import { ExportPanel } from '@/components/reader/export-panel';
import { StatusSelect } from '@/components/reader/status-select';
import { lookupPaper } from '@/lib/content/index/paper-lookup';
import { formatDate } from '@/lib/content/index/queries';
import { paperHref } from '@/lib/content/urls';
import type { LibraryPage } from '@/lib/reader/library';
import {
  describeLibraryView,
  LIBRARY_SORTS,
  libraryQueryString,
  librarySortLabels,
  readingStatusLabels,
  type LibraryFilters,
} from '@/lib/reader/shared';

export const LIBRARY_PAGE_SIZE = 20;

const chip = (on: boolean) =>
  `inline-flex min-h-6 items-center rounded-full px-3 py-1 ring-1 ${on ? 'bg-blue-600 text-white ring-blue-600' : 'ring-slate-300 dark:ring-slate-700'}`;
const selectClass = 'min-h-6 w-full max-w-56 rounded-md bg-transparent px-2 py-1 text-sm ring-1 ring-slate-300 dark:ring-slate-700';

type Props = {
  title: string;
  /** Where the filter links and the form lead: /library, or /bookmarks (a view of it with `bookmarked` fixed). */
  basePath: '/library' | '/bookmarks';
  filters: LibraryFilters;
  page: number;
  data: LibraryPage;
};

/**
 * The reader's library: filters (status chips, then a plain GET form that
 * works without JavaScript), the papers with their controls (client islands),
 * the collections, and the export of exactly what is shown.
 */
export function LibraryView({ title, basePath, filters, page, data }: Props) {
  const { items, total, collections, orgs, tags, catalog } = data;
  const onBookmarks = basePath === '/bookmarks';
  // On /bookmarks "bookmarked" is the page itself, not a parameter.
  const linkFilters = onBookmarks ? { ...filters, bookmarked: undefined } : filters;
  const href = (change: Partial<LibraryFilters>, nextPage?: number) => {
    const query = libraryQueryString({ ...linkFilters, ...change }, nextPage && nextPage > 1 ? { page: String(nextPage) } : {});
    return query ? `${basePath}?${query}` : basePath;
  };
  const collectionName = new Map(collections.map((c) => [c.id, c.name]));
  const statusFilters = [
    { value: undefined, label: 'All' },
    ...Object.entries(readingStatusLabels).map(([value, label]) => ({ value, label })),
  ];
  const filtered = Object.entries(linkFilters).some(([key, value]) => key !== 'sort' && value !== undefined && value !== false);

  return (
    <div className="mx-auto max-w-3xl pt-10">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {onBookmarks ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Your bookmarked papers. <Link href="/library">Your library</Link> also lists papers with a status, notes or in a collection.
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Every paper you bookmarked, gave a reading status, wrote a note on or put in a collection.
        </p>
      )}
      <nav aria-label="Filter by reading status" className="mt-4 flex flex-wrap gap-2 text-sm">
        {statusFilters.map((filter) => (
          <Link
            key={filter.label}
            href={href({ status: filter.value as LibraryFilters['status'] })}
            aria-current={filters.status === filter.value ? 'page' : undefined}
            className={chip(filters.status === filter.value)}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      <form method="get" action={basePath} className="mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter and sort">
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        {onBookmarks ? null : (
          <FilterSelect name="bookmarked" label="Bookmarked" value={filters.bookmarked ? '1' : ''} options={[['1', 'Bookmarked']]} />
        )}
        <FilterSelect name="notes" label="Notes" value={filters.notes ? '1' : ''} options={[['1', 'With notes']]} />
        <FilterSelect name="org" label="Org" value={filters.org ?? ''} options={orgs.map((org) => [org, org])} />
        <FilterSelect name="tag" label="Tag" value={filters.tag ?? ''} options={tags.map((tag) => [tag, tag])} />
        <FilterSelect
          name="collection"
          label="Collection"
          value={filters.collection ?? ''}
          options={collections.map((c) => [c.id, c.name])}
        />
        <FilterSelect
          name="sort"
          label="Sort by"
          value={filters.sort ?? 'added'}
          options={LIBRARY_SORTS.map((sort) => [sort, librarySortLabels[sort]])}
          any={false}
        />
        <button type="submit" className="min-h-6 rounded-md bg-blue-600 px-3 py-1 font-medium text-white hover:bg-blue-500">
          Apply
        </button>
        {filtered ? (
          <Link href={basePath} className="py-1 underline">
            Clear filters
          </Link>
        ) : null}
      </form>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-library-total={total}>
        {total === 1 ? '1 paper' : `${total.toLocaleString('en')} papers`}
        {filtered
          ? ` · ${describeLibraryView(linkFilters, filters.collection ? collectionName.get(filters.collection) : undefined).replace(/^my library: /, '')}`
          : ''}
      </p>
      {items.length === 0 ? (
        <div className="py-12 text-center text-slate-600 dark:text-slate-400">
          <p className="text-lg font-medium">
            {total > 0
              ? `There is no page ${page}.`
              : onBookmarks
                ? filters.status
                  ? 'No bookmarked papers with this status.'
                  : 'No bookmarks yet.'
                : filtered
                  ? 'No papers match these filters.'
                  : 'Your library is empty.'}
          </p>
          <p className="mt-2 text-sm">
            Bookmark a paper, give it a reading status, write a note or put it in a collection in any{' '}
            <Link className="underline" href="/">
              review
            </Link>{' '}
            to keep it here.
          </p>
        </div>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
          {items.map((item) => {
            const paper = lookupPaper(item.paperId, catalog);
            const name = paper?.name ?? item.paperId;
            return (
              <li
                key={item.paperId}
                className="py-4"
                data-library-item={item.paperId}
                data-bookmark-item={item.bookmarkedAt ? item.paperId : undefined}
              >
                <div className="flex flex-wrap items-baseline gap-2">
                  {paper ? (
                    <Link href={paperHref(item.paperId)} className="font-semibold break-words hover:underline">
                      {paper.name}
                    </Link>
                  ) : (
                    <span className="font-semibold break-all">{item.paperId}</span>
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
                  {item.noteCount === 1 ? '1 note' : `${item.noteCount} notes`} · added{' '}
                  {formatDate(item.addedAt.toISOString().slice(0, 10))}
                </p>
                {item.collectionIds.length ? (
                  <p className="mt-1 flex flex-wrap gap-2 text-xs" data-item-collections>
                    {item.collectionIds.map((id) => (
                      <Link
                        key={id}
                        href={`/library?collection=${encodeURIComponent(id)}`}
                        className="rounded-full px-2 py-0.5 wrap-anywhere ring-1 ring-slate-300 dark:ring-slate-700"
                      >
                        {collectionName.get(id) ?? 'collection'}
                      </Link>
                    ))}
                  </p>
                ) : null}
                <div className="mt-2 flex flex-wrap items-center gap-3">
                  <BookmarkButton paperId={item.paperId} anchorHref={paper?.href ?? basePath} />
                  <StatusSelect paperId={item.paperId} />
                  <CollectionPicker paperId={item.paperId} paperName={name} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pages={Math.ceil(total / LIBRARY_PAGE_SIZE)} href={(n) => href({}, n)} />
      {onBookmarks ? null : <CollectionManager collections={collections} current={filters.collection} />}
      <div className="mt-12 border-t border-slate-200 pt-6 dark:border-slate-800">
        <ExportPanel viewQuery={libraryQueryString(filters)} viewCount={total} />
      </div>
    </div>
  );
}

/** A labelled select of the filter form; "Any" (the empty value) first unless the field always has a value. */
function FilterSelect({
  name,
  label,
  value,
  options,
  any = true,
}: {
  name: string;
  label: string;
  value: string;
  options: [value: string, label: string][];
  any?: boolean;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`library-${name}`} className="text-xs text-slate-600 dark:text-slate-400">
        {label}
      </label>
      <select id={`library-${name}`} name={name} defaultValue={value} className={selectClass}>
        {any ? <option value="">Any</option> : null}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
