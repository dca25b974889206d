import Link from 'next/link';

export function pageHref(page: number): string {
  return page <= 1 ? '/' : `/page/${page}`;
}

export function Pagination({ page, pages }: { page: number; pages: number }) {
  if (pages <= 1) return null;
  const link = 'rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50 dark:ring-slate-700 dark:hover:bg-slate-900';
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between pt-6 text-sm">
      {page > 1 ? (
        <Link href={pageHref(page - 1)} className={link} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-500 dark:text-slate-400">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={pageHref(page + 1)} className={link} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
