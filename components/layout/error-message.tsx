import Link from 'next/link';

/**
 * What a reader sees when a page fails: no stack, no internals, a way forward.
 * The digest matches the server log line for this failure.
 */
export function ErrorMessage({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-prose py-24 text-center">
      <p className="text-sm font-semibold text-rose-600 dark:text-rose-400">Error</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-400">
        페이지를 불러오지 못했습니다. This page could not be shown; please try again in a moment.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-slate-500 dark:text-slate-400">Reference: {digest}</p> : null}
      <div className="mt-8 flex justify-center gap-4 text-sm font-medium">
        <button type="button" onClick={onRetry} className="rounded-md bg-blue-600 px-4 py-2 text-white hover:bg-blue-500">
          Try again
        </button>
        <Link href="/" className="rounded-md px-4 py-2 ring-1 ring-slate-300 hover:bg-slate-50 dark:ring-slate-700 dark:hover:bg-slate-900">
          Latest reviews
        </Link>
      </div>
    </div>
  );
}
