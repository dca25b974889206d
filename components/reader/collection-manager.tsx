'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { InlineError } from '@/components/reader/inline-error';
import { send } from '@/components/reader/reader-store';
import { COLLECTION_NAME_MAX_LENGTH, type CollectionView } from '@/lib/reader/shared';

const inputClass = 'min-h-6 min-w-0 rounded-md bg-white px-2 py-0.5 text-sm ring-1 ring-slate-300 dark:bg-slate-950 dark:ring-slate-700';
const buttonClass = 'min-h-6 rounded-md px-2 text-xs ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800';

/**
 * The reader's collections on /library: make one, rename one, delete one.
 * The list comes from the page's data; after a change `onChanged` reads it
 * again (or, without it, the page is rendered again: router.refresh), so the
 * filter and the rows agree with it.
 */
export function CollectionManager({
  collections,
  current,
  onChanged,
}: {
  collections: CollectionView[];
  current?: string;
  onChanged?: () => void;
}) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, after?: () => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
      after?.();
      if (onChanged) onChanged();
      else router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not save the change.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="collections-heading" className="mt-6 rounded-lg p-4 ring-1 ring-slate-200 dark:ring-slate-800">
      <h2 id="collections-heading" className="text-base font-semibold">
        Collections
      </h2>
      {collections.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Group papers into named lists: make one here, or from “Collections” next to any paper.
        </p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {collections.map((list) => (
            <li key={list.id} className="flex flex-wrap items-center gap-2" data-collection={list.id}>
              {renaming?.id === list.id ? (
                <form
                  className="flex flex-wrap items-center gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void run(
                      () => send('PATCH', `/api/collections/${encodeURIComponent(list.id)}`, { name: renaming.name }),
                      () => setRenaming(null),
                    );
                  }}
                >
                  <input
                    value={renaming.name}
                    onChange={(event) => setRenaming({ id: list.id, name: event.target.value })}
                    aria-label={`New name for ${list.name}`}
                    maxLength={COLLECTION_NAME_MAX_LENGTH}
                    required
                    className={inputClass}
                  />
                  <button type="submit" disabled={busy} className={buttonClass}>
                    Save name
                  </button>
                  <button type="button" onClick={() => setRenaming(null)} className={buttonClass}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <Link
                    href={`/library?collection=${encodeURIComponent(list.id)}`}
                    aria-current={current === list.id ? 'page' : undefined}
                    className={`wrap-anywhere underline-offset-2 hover:underline ${current === list.id ? 'font-semibold' : ''}`}
                  >
                    {list.name}
                  </Link>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {list.paperCount === 1 ? '1 paper' : `${list.paperCount.toLocaleString('en')} papers`}
                  </span>
                  <button
                    type="button"
                    aria-label={`Rename ${list.name}`}
                    onClick={() => setRenaming({ id: list.id, name: list.name })}
                    className={buttonClass}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${list.name}`}
                    disabled={busy}
                    onClick={() => {
                      if (!window.confirm(`Delete the collection “${list.name}”? Its papers stay in your library.`)) return;
                      void run(() => send('DELETE', `/api/collections/${encodeURIComponent(list.id)}`));
                    }}
                    className={buttonClass}
                  >
                    Delete
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        className="mt-3 flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void run(
            () => send('POST', '/api/collections', { name }),
            () => setName(''),
          );
        }}
      >
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-label="Collection name"
          placeholder="New collection"
          maxLength={COLLECTION_NAME_MAX_LENGTH}
          required
          className={`${inputClass} w-52`}
        />
        <button type="submit" disabled={busy || !name.trim()} className={`${buttonClass} disabled:opacity-50`}>
          Make collection
        </button>
      </form>
      {error ? (
        <div className="mt-2">
          <InlineError message={error} variant="form" />
        </div>
      ) : null}
    </section>
  );
}
