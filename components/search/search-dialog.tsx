'use client';

import { useEffect, useRef, useState } from 'react';
import type * as engineModule from '@/lib/search/engine';
import type { SearchHit, ShardedSearchIndex } from '@/lib/search/engine';
import type { SearchHead } from '@/lib/search/wire-format';
import { useReaderState } from '@/components/reader/reader-store';
import { Highlighted } from '@/components/search/highlighted';

type Engine = typeof engineModule;
type NoteHit = {
  kind?: 'note' | 'highlight';
  noteId: string;
  href: string;
  paper: string;
  excerpt: { text: string; ranges: [number, number][] };
};

/**
 * The search dialog, loaded by SearchLauncher on first open together with
 * the engine and the site index's head, so no page pays for them up front;
 * each query then fetches the few index shards it needs (kept for the next).
 * Each new `openSignal` opens it.
 */
export function SearchDialog({ openSignal }: { openSignal: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const loaded = useRef<Promise<{ engine: Engine; index: ShardedSearchIndex }> | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  // The query `hits` answer: "Nothing found" waits until the current query's shards are in.
  const [answered, setAnswered] = useState('');
  // A shard that did not arrive: this query failed, the next one tries again.
  const [queryFailed, setQueryFailed] = useState(false);
  // Bumped each time a head is loaded, so a query that failed on an old build's shards runs again on the new one.
  const [generation, setGeneration] = useState(0);
  // The query that already reloaded the head once: a second failure is shown, not retried in a loop.
  const reloadedFor = useRef<string | null>(null);
  const [active, setActive] = useState(0);
  const [withNotes, setWithNotes] = useState(false);
  const [noteHits, setNoteHits] = useState<NoteHit[]>([]);
  const [noteError, setNoteError] = useState<string | null>(null);
  // Set when the account holds more note text than one search covers (lib/reader/note-search.ts).
  const [noteCoverage, setNoteCoverage] = useState<{ searched: number; total: number } | null>(null);
  const reader = useReaderState();

  function load() {
    loaded.current ??= Promise.all([
      import('@/lib/search/engine'),
      fetch('/search-index.json').then((r) => {
        if (!r.ok) throw new Error(`search index: ${r.status}`);
        return r.json() as Promise<SearchHead>;
      }),
    ]).then(([engine, head]) => ({
      engine,
      index: engine.loadSearchIndex(head, (path) =>
        fetch(path).then((r) => {
          if (!r.ok) throw new Error(`search index shard: ${r.status}`);
          return r.json() as Promise<unknown>;
        }),
      ),
    }));
    setState((s) => (s === 'ready' ? s : 'loading'));
    loaded.current
      .then(() => {
        setState('ready');
        setGeneration((g) => g + 1);
      })
      .catch(() => setState('error'));
  }

  function open() {
    load();
    dialog.current?.showModal();
  }

  useEffect(() => {
    if (openSignal > 0 && !dialog.current?.open) open();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- open() only reads refs and setters; the signal alone decides
  }, [openSignal]);

  useEffect(() => {
    if (state !== 'ready' || !loaded.current) return;
    let cancelled = false;
    void loaded.current
      .then(async ({ engine, index }) => {
        const found = query.trim() ? await engine.searchShards(index, query, { limit: 20 }) : [];
        if (cancelled) return;
        // Show the words around the match, not the start of a long section.
        setHits(found.map((hit) => ({ ...hit, highlights: hit.highlights.map((h) => engine.excerpt(h)) })));
        setAnswered(query);
        setQueryFailed(false);
        reloadedFor.current = null;
        setActive(0);
      })
      .catch(() => {
        if (cancelled) return;
        setHits([]);
        setQueryFailed(true);
        // A shard that is gone usually means a new build replaced the index
        // (a deploy; a saved review under next dev): load its head once and
        // ask again.
        if (reloadedFor.current !== query) {
          reloadedFor.current = query;
          loaded.current = null;
          load();
        }
      });
    return () => {
      cancelled = true;
    };
    // A new head (generation) reruns the query.
  }, [query, state, generation]);

  // Leaving note search (box emptied, box unticked, signed out) clears its results.
  const searchNotes = withNotes && Boolean(reader?.user) && Boolean(query.trim());
  const [searchedNotes, setSearchedNotes] = useState(searchNotes);
  if (searchNotes !== searchedNotes) {
    setSearchedNotes(searchNotes);
    if (!searchNotes) {
      setNoteHits([]);
      setNoteError(null);
      setNoteCoverage(null);
    }
  }

  useEffect(() => {
    if (!withNotes || !reader?.user || !query.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/search/notes?q=${encodeURIComponent(query)}`, { signal: controller.signal, credentials: 'same-origin' })
        .then(async (r) => {
          const data = (await r.json().catch(() => ({}))) as { hits?: NoteHit[]; searched?: number; total?: number; error?: string };
          if (!r.ok || !data.hits) throw new Error(data.error ?? `Searching your notes failed (${r.status}).`);
          setNoteHits(data.hits);
          setNoteCoverage(
            data.searched !== undefined && data.total !== undefined && data.searched < data.total
              ? { searched: data.searched, total: data.total }
              : null,
          );
          setNoteError(null);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return; // a newer query replaced this one
          setNoteHits([]);
          setNoteCoverage(null);
          setNoteError(
            error instanceof Error && !(error instanceof TypeError)
              ? error.message
              : 'Searching your notes failed: the network request did not go through.',
          );
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, withNotes, reader?.user]);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      // A search box would spend the first Esc on clearing itself; Esc closes, "Clear" clears.
      event.preventDefault();
      dialog.current?.close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(hits.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      window.location.assign(hits[active].url);
    }
  }

  return (
    <>
      <dialog
        ref={dialog}
        aria-label="Search reviews and papers"
        // A click on the backdrop lands on the dialog itself (its content fills the box): close.
        onClick={(event) => {
          if (event.target === event.currentTarget) dialog.current?.close();
        }}
        className="mx-auto mt-[10vh] w-[min(40rem,94vw)] rounded-xl whitespace-normal [overflow-wrap:anywhere] bg-white p-0 text-slate-900 shadow-2xl ring-1 ring-slate-200 backdrop:bg-black/40 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
      >
        <div className="border-b border-slate-200 p-3 dark:border-slate-700">
          <label className="sr-only" htmlFor="site-search">
            Search
          </label>
          <div className="flex items-center gap-2">
            <input
              ref={input}
              id="site-search"
              type="search"
              autoFocus
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onKeyDown}
              placeholder="Search papers, orgs, reviews… (에이전트, 강화학습, nvidia)"
              aria-controls="search-results"
              className="min-w-0 flex-1 bg-transparent px-1 py-1 text-base outline-none [&::-webkit-search-cancel-button]:hidden"
            />
            {query ? (
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  input.current?.focus();
                }}
                className="inline-flex min-h-6 items-center rounded-md px-2 text-xs text-slate-600 ring-1 ring-slate-300 hover:bg-slate-100 dark:text-slate-300 dark:ring-slate-700 dark:hover:bg-slate-800"
              >
                Clear
              </button>
            ) : null}
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              aria-label="Close search"
              className="inline-flex min-h-6 min-w-6 items-center justify-center rounded-md text-lg leading-none text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              <span aria-hidden>×</span>
            </button>
          </div>
          {reader?.user ? (
            <label className="mt-2 flex min-h-6 items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
              <input type="checkbox" checked={withNotes} onChange={(event) => setWithNotes(event.target.checked)} />
              Search my notes too
            </label>
          ) : null}
        </div>
        <div className="max-h-[60vh] overflow-y-auto p-2" id="search-results" aria-live="polite">
          {state === 'loading' ? <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Loading the index…</p> : null}
          {state === 'error' || (state === 'ready' && queryFailed) ? (
            <p className="p-3 text-sm text-red-700 dark:text-red-400">Could not load the search index. Try again.</p>
          ) : null}
          {state === 'ready' && query.trim() && answered === query && !hits.length && !noteHits.length ? (
            <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Nothing found for “{query}”.</p>
          ) : null}
          <ul>
            {hits.map((hit, i) => {
              const best = hit.highlights[0];
              return (
                <li key={hit.url}>
                  <a
                    href={hit.url}
                    data-search-hit={hit.url}
                    aria-current={i === active ? 'true' : undefined}
                    className={`block rounded-lg px-3 py-2 ${i === active ? 'bg-blue-50 dark:bg-slate-800' : 'hover:bg-slate-50 dark:hover:bg-slate-800'}`}
                  >
                    <span className="block font-medium">
                      {best?.field === 'title' ? <Highlighted highlight={best} /> : hit.title}
                      {hit.orgs.map((org) => (
                        <span key={org} className="org-badge ml-1.5">
                          {org}
                        </span>
                      ))}
                    </span>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {hit.review ? `${hit.review} · ` : ''}
                      {hit.date}
                    </span>
                    {/* No `block` beside line-clamp-2: it comes later in the CSS and would undo the clamp. */}
                    {best && best.field !== 'title' ? (
                      <span className="mt-0.5 line-clamp-2 text-sm break-words text-slate-700 dark:text-slate-300">
                        <Highlighted highlight={best} />
                      </span>
                    ) : null}
                  </a>
                  {hit.page ? (
                    <a
                      href={hit.page}
                      data-search-paper-page={hit.page}
                      className="ml-3 inline-flex min-h-6 items-center text-xs text-blue-700 underline dark:text-blue-400"
                    >
                      Paper page<span className="sr-only"> of {hit.title}</span>
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {noteError ? (
            <p role="alert" className="px-3 pt-3 text-sm text-red-700 dark:text-red-400">
              {noteError}
            </p>
          ) : null}
          {noteHits.length ? (
            <>
              <p className="px-3 pt-3 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
                My notes and highlights
              </p>
              <ul>
                {noteHits.map((hit) => (
                  <li key={hit.noteId}>
                    <a
                      href={hit.href}
                      data-note-hit={hit.noteId}
                      className="block rounded-lg px-3 py-2 hover:bg-slate-50 dark:hover:bg-slate-800"
                    >
                      <span className="block font-medium">{hit.paper}</span>
                      <span className="line-clamp-2 text-sm break-words text-slate-700 dark:text-slate-300">
                        <Highlighted highlight={hit.excerpt} />
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {noteCoverage ? (
            <p className="px-3 pt-2 text-xs text-slate-600 dark:text-slate-400">
              Searched your {noteCoverage.searched.toLocaleString('en')} most recent notes and highlights of{' '}
              {noteCoverage.total.toLocaleString('en')}.
            </p>
          ) : null}
        </div>
      </dialog>
    </>
  );
}
