import Link from 'next/link';

/** Previous/next page links for reader lists that keep their other query parameters. */
export function PageLinks({ path, page, pages, params = {} }: { path: string; page: number; pages: number; params?: Record<string, string | undefined> }) {
  if (pages <= 1) return null;
  const href = (n: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, page: n > 1 ? String(n) : undefined }).filter((e): e is [string, string] => !!e[1]));
    return query.size ? `${path}?${query}` : path;
  };
  const link = 'rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50 dark:ring-slate-700 dark:hover:bg-slate-900';
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between pt-6 text-sm">
      {page > 1 ? <Link className={link} href={href(page - 1)}>← Previous</Link> : <span />}
      <span className="text-slate-500 dark:text-slate-400">
        Page {page} of {pages}
      </span>
      {page < pages ? <Link className={link} href={href(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}
