import Link from 'next/link';
import { Suspense } from 'react';
import { LibraryLoading, LibraryView, type LibraryBasePath } from '@/components/library/library-view';
import { catalogFilterChoices } from '@/lib/content/index/catalog';

type Props = { basePath: LibraryBasePath; title: string };

/**
 * /library and /bookmarks, prerendered: the heading, what the page is, and
 * the list as an island (components/library/library-view.tsx) that reads the
 * address's filters and asks GET /api/library for them, one request per
 * view. Nothing here depends on the reader, so the page is the same file for
 * everyone; the filter form's org and tag choices are built with it.
 */
export function LibraryPageView({ basePath, title }: Props) {
  const { orgs, tags } = catalogFilterChoices();
  return (
    <div className="mx-auto max-w-3xl pt-10">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {basePath === '/bookmarks' ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Your bookmarked papers. <Link href="/library">Your library</Link> also lists papers with a status, notes or in a collection.
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Every paper you bookmarked, gave a reading status, wrote a note on or put in a collection.
        </p>
      )}
      {/* The island reads the query string: prerendered, the page holds this placeholder until the browser runs it. */}
      <Suspense fallback={<LibraryLoading />}>
        <LibraryView basePath={basePath} orgs={orgs} tags={tags} />
      </Suspense>
    </div>
  );
}
