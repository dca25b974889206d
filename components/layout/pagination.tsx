import Link from 'next/link';

/** Home's pages: `/`, `/page/2`, … (prerendered). */
export function pageHref(page: number): string {
  return page <= 1 ? '/' : `/page/${page}`;
}

/** A reader list's pages: `?page=N` on `path`, keeping its other query parameters (a filter). */
export function queryPageHref(path: string, params: Record<string, string | undefined> = {}) {
  return (page: number) => {
    const query = new URLSearchParams(
      Object.entries({ ...params, page: page > 1 ? String(page) : undefined }).filter((entry): entry is [string, string] => !!entry[1]),
    );
    return query.size ? `${path}?${query}` : path;
  };
}

const linkClass = 'rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50 dark:ring-slate-700 dark:hover:bg-slate-900';

/** Previous/next links around "Page N of M"; nothing when there is one page. */
export function Pagination({
  page,
  pages,
  href,
  labels = ['← Previous', 'Next →'],
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels?: [previous: string, next: string];
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between pt-6 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          {labels[0]}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-500 dark:text-slate-400">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          {labels[1]}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
