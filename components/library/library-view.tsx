'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Pagination } from '@/components/layout/pagination';
import { OrgBadges } from '@/components/paper/org-badges';
import { BookmarkButton } from '@/components/reader/bookmark-button';
import { CollectionManager } from '@/components/reader/collection-manager';
import { CollectionPicker } from '@/components/reader/collection-picker';
import { ExportPanel } from '@/components/reader/export-panel';
import { signInUrl } from '@/components/reader/reader-store';
import { StatusSelect } from '@/components/reader/status-select';
import {
  describeLibraryView,
  LIBRARY_SORTS,
  libraryQueryString,
  librarySortLabels,
  readingStatusLabels,
  type LibraryErrorResponse,
  type LibraryFilters,
  type LibraryQueryIssue,
  type LibraryResponse,
} from '@/lib/reader/shared';

const chip = (on: boolean) =>
  `inline-flex min-h-6 items-center rounded-full px-3 py-1 ring-1 ${on ? 'bg-blue-600 text-white ring-blue-600' : 'ring-slate-300 dark:ring-slate-700'}`;
const selectClass = 'min-h-6 w-full max-w-56 rounded-md bg-transparent px-2 py-1 text-sm ring-1 ring-slate-300 dark:ring-slate-700';

export type LibraryBasePath = '/library' | '/bookmarks';

type Props = {
  /** Where the filter links and the form lead: /library, or /bookmarks (a view of it with `bookmarked` fixed). */
  basePath: LibraryBasePath;
  /** The filter form's org and tag choices (the same for every reader: built with the page). */
  orgs: string[];
  tags: string[];
};

type Loaded =
  | { kind: 'data'; query: string; data: LibraryResponse }
  | { kind: 'invalid'; query: string; issues: LibraryQueryIssue[] }
  | { kind: 'failed'; query: string; message: string };

/** The form submits every field; "Any" is an empty value, and the default sort is no parameter at all. */
function withoutBlanks(params: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...params].filter(([key, value]) => value !== '' && !(key === 'sort' && value === 'added')));
}

/**
 * The reader's library, an island of the prerendered /library and /bookmarks:
 * the page's query parameters go to GET /api/library as they are (the server
 * validates them and names a wrong one), and the answer is rendered here:
 * filters (status chips, then a GET form that also works as a plain
 * navigation), the papers with their controls, the collections, and the
 * export of exactly what is shown. Signed out, the reader is sent to sign in
 * and back.
 */
export function LibraryView({ basePath, orgs, tags }: Props) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const here = query ? `${basePath}?${query}` : basePath;

  useEffect(() => {
    const params = new URLSearchParams(query);
    const kept = withoutBlanks(params);
    if (kept.size !== params.size) {
      // An address with blank filters (a form submitted without JavaScript) is tidied, not treated as a filter.
      router.replace(kept.size ? `${basePath}?${kept}` : basePath, { scroll: false });
      return;
    }
    const controller = new AbortController();
    kept.set('view', basePath === '/bookmarks' ? 'bookmarks' : 'library');
    fetch(`/api/library?${kept}`, { cache: 'no-store', credentials: 'same-origin', signal: controller.signal })
      .then(async (response) => {
        if (response.status === 401) {
          window.location.replace(signInUrl(here));
          return;
        }
        const body = (await response.json().catch(() => ({}))) as LibraryResponse & LibraryErrorResponse;
        if (response.ok) setLoaded({ kind: 'data', query, data: body });
        else if (response.status === 400 && body.issues) setLoaded({ kind: 'invalid', query, issues: body.issues });
        else setLoaded({ kind: 'failed', query, message: body.error ?? `The server answered ${response.status}.` });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ kind: 'failed', query, message: error instanceof Error ? `The network request failed.` : String(error) });
      });
    return () => controller.abort();
  }, [basePath, here, query, router, generation]);

  const reload = () => setGeneration((n) => n + 1);
  // Only the answer to this address is shown: after a click on a filter, the previous list is not passed off as the new one.
  if (!loaded || loaded.query !== query) return <LibraryLoading />;
  if (loaded.kind === 'invalid') return <InvalidQuery basePath={basePath} issues={loaded.issues} />;
  if (loaded.kind === 'failed') {
    return (
      <div role="alert" className="mt-6 rounded-md bg-red-50 px-4 py-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
        <p className="font-medium">Could not load your library.</p>
        <p className="mt-1">{loaded.message}</p>
        <button type="button" onClick={reload} className="mt-2 underline">
          Try again
        </button>
      </div>
    );
  }
  return <LibraryList basePath={basePath} orgs={orgs} tags={tags} data={loaded.data} onChanged={reload} />;
}

/** What the page shows until its list arrives: no figures and no list that could be mistaken for the reader's, the height of a short one. */
export function LibraryLoading() {
  return (
    <div className="mt-4 min-h-96" aria-busy="true" data-library-loading>
      <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
        Loading your library…
      </p>
      {/* The list is fetched by the browser: without JavaScript the status above would never change. */}
      <noscript>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" data-library-noscript>
          Your library is loaded by JavaScript, which is turned off in this browser. Turn it on to see your papers.
        </p>
      </noscript>
    </div>
  );
}

function InvalidQuery({ basePath, issues }: { basePath: LibraryBasePath; issues: LibraryQueryIssue[] }) {
  return (
    <div role="alert" className="mt-6 rounded-md bg-red-50 px-4 py-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
      <p className="font-medium">This address has filters the library does not understand:</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((issue) => (
          <li key={`${issue.parameter}:${issue.message}`}>
            {issue.parameter}: {issue.message}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href={basePath} className="underline">
          Show everything
        </Link>
      </p>
    </div>
  );
}

function LibraryList({ basePath, orgs, tags, data, onChanged }: Props & { data: LibraryResponse; onChanged: () => void }) {
  const router = useRouter();
  const { items, total, collections, filters, page, pageSize } = data;
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
    <>
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
      <form
        method="get"
        action={basePath}
        className="mt-4 flex flex-wrap items-end gap-3 text-sm"
        aria-label="Filter and sort"
        onSubmit={(event) => {
          event.preventDefault();
          const params = withoutBlanks(new URLSearchParams(new FormData(event.currentTarget) as unknown as Record<string, string>));
          router.push(params.size ? `${basePath}?${params}` : basePath);
        }}
      >
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
            const { paper } = item;
            const name = paper?.name ?? item.paperId;
            return (
              <li
                key={item.paperId}
                className="py-4"
                data-library-item={item.paperId}
                data-bookmark-item={item.bookmarked ? item.paperId : undefined}
              >
                <div className="flex flex-wrap items-baseline gap-2">
                  {paper ? (
                    <Link href={paper.pageHref} className="font-semibold break-words hover:underline">
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
                      · {paper.date}
                    </>
                  ) : (
                    'This paper is no longer in any review.'
                  )}
                  {' · '}
                  {item.noteCount === 1 ? '1 note' : `${item.noteCount} notes`} · added {item.added}
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
      <Pagination page={page} pages={Math.ceil(total / pageSize)} href={(n) => href({}, n)} />
      {onBookmarks ? null : <CollectionManager collections={collections} current={filters.collection} onChanged={onChanged} />}
      <div className="mt-12 border-t border-slate-200 pt-6 dark:border-slate-800">
        <ExportPanel viewQuery={libraryQueryString(filters)} viewCount={total} onChanged={onChanged} />
      </div>
    </>
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
