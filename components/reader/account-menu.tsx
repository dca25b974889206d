'use client';

import { signOut } from '@/lib/auth-client';
import { signInUrl, useReaderState } from './reader-store';

/** The header's reader corner: a client island so every page stays static. */
export function AccountMenu() {
  const reader = useReaderState();
  if (!reader) return <span className="h-5 w-16" aria-hidden />;
  if (!reader.user) {
    return (
      <a
        href={signInUrl(typeof window === 'undefined' ? '/' : window.location.pathname + window.location.hash)}
        className="rounded-md px-3 py-1 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800"
      >
        Sign in
      </a>
    );
  }
  return (
    <span className="flex items-center gap-3 text-sm whitespace-nowrap">
      <a href="/bookmarks" className="hover:underline">
        Bookmarks
      </a>
      <a href="/notes" className="hover:underline">
        Notes
      </a>
      <a href="/account" className="hidden max-w-40 truncate text-slate-500 hover:underline sm:inline" title={reader.user.email ?? undefined}>
        {reader.user.email ?? reader.user.name}
      </a>
      <button type="button" onClick={() => void signOut({ callbackUrl: '/' })} className="text-slate-500 hover:underline">
        Sign out
      </button>
    </span>
  );
}
