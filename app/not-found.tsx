import Link from 'next/link';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-prose py-24 text-center">
      <p className="text-sm font-semibold text-blue-600 dark:text-blue-400">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-400">
        이 주소에는 리뷰가 없습니다. The review may have moved, or the link has a typo.
      </p>
      <div className="mt-8 flex justify-center gap-4 text-sm font-medium">
        <Link href="/" className="rounded-md bg-blue-600 px-4 py-2 text-white hover:bg-blue-500">
          Latest reviews
        </Link>
        <Link
          href="/papers"
          className="rounded-md px-4 py-2 ring-1 ring-slate-300 hover:bg-slate-50 dark:ring-slate-700 dark:hover:bg-slate-900"
        >
          All papers
        </Link>
      </div>
    </div>
  );
}
