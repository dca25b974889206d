'use client';

import { useState } from 'react';
import { InlineError } from '@/components/reader/inline-error';
import { send, useReaderState } from '@/components/reader/reader-store';
import { COLLECTION_NAME_MAX_LENGTH, type CollectionView } from '@/lib/reader/shared';

const collectionsUrl = (paperId: string) => `/api/collections?${new URLSearchParams({ paperId }).toString()}`;

/**
 * "Collections" next to a paper (review page row, library): opens a list of
 * the reader's collections with a checkbox each, and a field to make a new
 * one with this paper in it. Loads on first open, so a review page with many
 * papers asks nothing until the reader does. Signed out it renders nothing.
 */
export function CollectionPicker({ paperId, paperName }: { paperId: string; paperName?: string }) {
  const reader = useReaderState();
  const [open, setOpen] = useState(false);
  const [lists, setLists] = useState<CollectionView[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!reader?.user) return null;

  async function load() {
    try {
      setLists(((await send('GET', collectionsUrl(paperId))) as { collections: CollectionView[] }).collections);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not load your collections.');
    }
  }

  function toggleOpen() {
    const next = !open;
    setOpen(next);
    setError(null);
    if (next) void load();
  }

  const mark = (id: string, contains: boolean) =>
    setLists((current) =>
      (current ?? []).map((c) => (c.id === id ? { ...c, contains, paperCount: c.paperCount + (contains ? 1 : -1) } : c)),
    );

  async function set(list: CollectionView, included: boolean) {
    setError(null);
    mark(list.id, included);
    try {
      await send('PUT', `/api/collections/${encodeURIComponent(list.id)}/papers`, { paperId, included });
    } catch (e) {
      mark(list.id, !included);
      setError(e instanceof Error ? e.message : 'Could not change the collection.');
    }
  }

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { collection } = (await send('POST', '/api/collections', { name })) as { collection: CollectionView };
      await send('PUT', `/api/collections/${encodeURIComponent(collection.id)}/papers`, { paperId, included: true });
      setLists((current) => [...(current ?? []), { ...collection, paperCount: 1, contains: true }]);
      setName('');
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not make the collection.');
    } finally {
      setBusy(false);
    }
  }

  const label = paperName ? `Collections for ${paperName}` : 'Collections';
  const inCount = lists?.filter((c) => c.contains).length ?? 0;
  return (
    <>
      <button
        type="button"
        onClick={toggleOpen}
        aria-expanded={open}
        aria-label={label}
        data-collections-for={paperId}
        className="inline-flex min-h-6 items-center rounded-full px-2 text-xs ring-1 ring-slate-300 dark:ring-slate-700"
      >
        Collections{inCount ? ` (${inCount})` : ''}
      </button>
      {open ? (
        <div
          role="group"
          aria-label={label}
          data-collections-panel={paperId}
          className="basis-full space-y-2 rounded-lg bg-slate-50 p-3 text-sm ring-1 ring-slate-200 dark:bg-slate-900/60 dark:ring-slate-800"
        >
          {lists === null && !error ? <p className="text-xs text-slate-600 dark:text-slate-400">Loading…</p> : null}
          {lists?.length === 0 ? <p className="text-xs text-slate-600 dark:text-slate-400">No collections yet: name one below.</p> : null}
          {lists?.length ? (
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {lists.map((list) => (
                <li key={list.id}>
                  <label className="inline-flex min-h-6 items-center gap-2">
                    <input type="checkbox" checked={list.contains ?? false} onChange={(event) => void set(list, event.target.checked)} />
                    <span className="wrap-anywhere">{list.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
          <form onSubmit={(event) => void create(event)} className="flex flex-wrap items-center gap-2">
            <input
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-label="New collection name"
              placeholder="New collection"
              maxLength={COLLECTION_NAME_MAX_LENGTH}
              required
              className="min-h-6 w-44 min-w-0 rounded-md bg-white px-2 py-0.5 text-sm ring-1 ring-slate-300 dark:bg-slate-950 dark:ring-slate-700"
            />
            <button
              type="submit"
              disabled={busy || !name.trim()}
              className="min-h-6 rounded-md bg-blue-600 px-3 text-xs font-medium text-white disabled:opacity-50"
            >
              Add to new collection
            </button>
          </form>
          {error ? <InlineError message={error} /> : null}
        </div>
      ) : null}
    </>
  );
}
