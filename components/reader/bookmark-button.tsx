'use client';

import { InlineError } from '@/components/reader/inline-error';
import { useEffect, useState } from 'react';
import { send, signInUrl, updateReaderState, useReaderState } from '@/components/reader/reader-store';

const PENDING_KEY = 'papers-review:pending-bookmark';

/**
 * One click sets the bookmark to the opposite of what is shown; the UI
 * changes at once and rolls back with the server's message if it refuses.
 * Signed out, the click is remembered, the reader signs in and comes back
 * to the same anchor, and the bookmark is made then.
 */
export function BookmarkButton({
  paperId,
  paperName,
  anchorHref,
  compact = false,
}: {
  paperId: string;
  /** Said after the label to assistive technology ("Bookmark GDPO"): a page lists many papers. */
  paperName?: string;
  anchorHref: string;
  compact?: boolean;
}) {
  const reader = useReaderState();
  const [error, setError] = useState<string | null>(null);
  const bookmarked = reader?.bookmarks.includes(paperId) ?? false;

  async function apply(next: boolean) {
    setError(null);
    const toggle = (on: boolean) =>
      updateReaderState((s) => ({
        ...s,
        bookmarks: on ? [...new Set([...s.bookmarks, paperId])] : s.bookmarks.filter((id) => id !== paperId),
      }));
    toggle(next);
    try {
      await send('PUT', '/api/bookmarks', { paperId, bookmarked: next });
    } catch (e) {
      toggle(!next);
      setError(e instanceof Error ? e.message : 'Could not save the bookmark.');
    }
  }

  useEffect(() => {
    if (!reader?.user) return;
    const pending = sessionStorage.getItem(PENDING_KEY);
    if (pending !== paperId) return;
    sessionStorage.removeItem(PENDING_KEY);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- completes the click remembered in sessionStorage before sign-in, once the session is known after hydration
    if (!reader.bookmarks.includes(paperId)) void apply(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- apply is stable enough here: it only runs once for the remembered paper
  }, [reader?.user, paperId]);

  function onClick() {
    if (!reader) return;
    if (!reader.user) {
      sessionStorage.setItem(PENDING_KEY, paperId);
      const back = anchorHref.startsWith('#') ? `${window.location.pathname}${anchorHref}` : anchorHref;
      window.location.assign(signInUrl(back));
      return;
    }
    void apply(!bookmarked);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={onClick}
        aria-pressed={bookmarked}
        disabled={!reader}
        data-bookmark={paperId}
        title={bookmarked ? 'Remove bookmark' : 'Bookmark this paper'}
        className={`inline-flex min-h-6 min-w-6 items-center justify-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 transition disabled:opacity-50 ${
          bookmarked
            ? 'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-900/40 dark:text-amber-100 dark:ring-amber-700'
            : 'ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800'
        }`}
      >
        <span aria-hidden>{bookmarked ? '★' : '☆'}</span>
        {compact ? <span className="sr-only">{bookmarked ? 'Bookmarked' : 'Bookmark'}</span> : bookmarked ? 'Bookmarked' : 'Bookmark'}
        {paperName ? <span className="sr-only"> {paperName}</span> : null}
      </button>
      <InlineError message={error} />
    </span>
  );
}
