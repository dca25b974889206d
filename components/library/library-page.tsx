import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { LIBRARY_PAGE_SIZE, LibraryView } from '@/components/library/library-view';
import { requireReader } from '@/lib/auth/session';
import { loadLibraryPage } from '@/lib/reader/library';
import { libraryFilterShape } from '@/lib/reader/shared';

const libraryQuery = z.object({ ...libraryFilterShape, page: z.coerce.number().int().min(1).max(10_000).optional() });

type Props = {
  basePath: '/library' | '/bookmarks';
  title: string;
  searchParams: Record<string, string | string[] | undefined>;
};

/**
 * /library and /bookmarks: the query parameters validated (a wrong one is
 * named, not ignored), the reader signed in, one page of the library loaded.
 */
export async function LibraryPageView({ basePath, title, searchParams }: Props) {
  // The filter form submits every field; "Any" is an empty value, and the default sort is no parameter at all.
  const blank = Object.entries(searchParams).filter(([key, value]) => value === '' || (key === 'sort' && value === 'added'));
  if (blank.length) {
    const kept = Object.entries(searchParams).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !blank.some(([key]) => key === entry[0]),
    );
    const query = new URLSearchParams(kept).toString();
    redirect(query ? `${basePath}?${query}` : basePath);
  }
  const here = `${basePath}${Object.keys(searchParams).length ? `?${new URLSearchParams(searchParams as Record<string, string>).toString()}` : ''}`;
  const user = await requireReader(here);
  const parsed = libraryQuery.safeParse(searchParams);
  if (!parsed.success) {
    return (
      <div className="mx-auto max-w-3xl pt-10">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <div role="alert" className="mt-6 rounded-md bg-red-50 px-4 py-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          <p className="font-medium">This address has filters the library does not understand:</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.error.issues.map((issue) => (
              <li key={`${issue.path.join('.')}:${issue.message}`}>
                {issue.path.join('.')}: {issue.message}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            <Link href={basePath} className="underline">
              Show everything
            </Link>
          </p>
        </div>
      </div>
    );
  }
  const { page = 1, ...rest } = parsed.data;
  const filters = basePath === '/bookmarks' ? { ...rest, bookmarked: true } : rest;
  const data = await loadLibraryPage(user.id, filters, page, LIBRARY_PAGE_SIZE);
  return <LibraryView title={title} basePath={basePath} filters={filters} page={page} data={data} />;
}
