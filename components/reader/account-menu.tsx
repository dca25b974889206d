'use client';

import { signOut } from '@/lib/auth/client';
import { clearNoteDrafts } from '@/components/reader/note-drafts';
import { loadReaderState, signInUrl, useReaderState } from '@/components/reader/reader-store';

/**
 * The header's reader corner: a client island so every page stays static.
 * `bar` sits in the header row from the `sm` breakpoint up; `menu` lists the
 * same links, one per line, inside the phone header's menu.
 */
export function AccountMenu({ variant = 'bar' }: { variant?: 'bar' | 'menu' }) {
  const reader = useReaderState();
  const target = 'inline-flex min-h-6 items-center';
  if (!reader) return <span className="h-5 w-16" aria-hidden />;
  if (reader.loadError) {
    return (
      <button
        type="button"
        onClick={() => void loadReaderState(true)}
        title={reader.loadError}
        aria-label="Retry loading your account"
        className={`${target} rounded-md px-3 py-1 text-sm text-amber-800 ring-1 ring-amber-300 dark:text-amber-300 dark:ring-amber-700`}
      >
        Retry
      </button>
    );
  }
  if (!reader.user) {
    return (
      <a
        href={signInUrl(typeof window === 'undefined' ? '/' : window.location.pathname + window.location.hash)}
        className={
          variant === 'bar'
            ? `${target} rounded-md px-3 py-1 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800`
            : `${target} font-medium hover:underline`
        }
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
      className={`${target} text-slate-600 hover:underline dark:text-slate-400`}
    >
      Sign out
    </button>
  );
  if (variant === 'menu') {
    return (
      <>
        {links.map((link) => (
          <a key={link.href} href={link.href} className={`${target} min-w-0 hover:underline`}>
            <span className="truncate">{link.label}</span>
          </a>
        ))}
        {signOutButton}
      </>
    );
  }
  return (
    <span className="flex items-center gap-3 text-sm whitespace-nowrap">
      {links.map((link) => (
        <a
          key={link.href}
          href={link.href}
          className={`${target} max-w-40 hover:underline ${link.href === '/account' ? 'text-slate-600 dark:text-slate-400' : ''}`}
        >
          <span className="truncate">{link.label}</span>
        </a>
      ))}
      {signOutButton}
    </span>
  );
}
