'use client';

import { signOut } from '@/lib/auth/client';
import { clearNoteDrafts } from '@/components/reader/note-drafts';
import { loadReaderState, signInUrl, useReaderState } from '@/components/reader/reader-store';

/** The header's reader corner: a client island so every page stays static. */
export function AccountMenu() {
  const reader = useReaderState();
  if (!reader) return <span className="h-5 w-16" aria-hidden />;
  if (reader.loadError) {
    return (
      <button
        type="button"
        onClick={() => void loadReaderState(true)}
        title={reader.loadError}
        aria-label="Retry loading your account"
        className="rounded-md px-3 py-1 text-sm text-amber-800 ring-1 ring-amber-300 dark:text-amber-300 dark:ring-amber-700"
      >
        Retry
      </button>
    );
  }
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
  const links = [
    { href: '/bookmarks', label: 'Bookmarks' },
    { href: '/notes', label: 'Notes' },
    { href: '/account', label: reader.user.email ?? reader.user.name ?? 'Account' },
  ];
  const signOutButton = (
    <button
      type="button"
      onClick={() => {
        // Unsaved notes stay with their reader, not with the browser the next person uses.
        clearNoteDrafts();
        void signOut({ callbackUrl: '/' });
      }}
      className="text-slate-500 dark:text-slate-400 hover:underline"
    >
      Sign out
    </button>
  );
  return (
    <>
      <span className="hidden items-center gap-3 text-sm whitespace-nowrap sm:flex">
        {links.map((link) => (
          <a
            key={link.href}
            href={link.href}
            className={`max-w-40 truncate hover:underline ${link.href === '/account' ? 'text-slate-500 dark:text-slate-400' : ''}`}
          >
            {link.label}
          </a>
        ))}
        {signOutButton}
      </span>
      {/* Phones: the same links behind one button, so the header never wraps. */}
      <details className="relative text-sm sm:hidden">
        <summary className="cursor-pointer list-none rounded-md px-3 py-1 ring-1 ring-slate-300 dark:ring-slate-700">Account ▾</summary>
        <div className="absolute right-0 mt-2 flex w-56 flex-col gap-3 rounded-lg bg-white p-3 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
          {links.map((link) => (
            <a key={link.href} href={link.href} className="truncate hover:underline">
              {link.label}
            </a>
          ))}
          {signOutButton}
        </div>
      </details>
    </>
  );
}
