'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { loadReaderState } from '@/components/reader/reader-store';
import { importTooLargeMessage, MAX_IMPORT_BYTES } from '@/lib/reader/shared';

type ImportResponse = {
  imported?: {
    bookmarks: number;
    statuses: number;
    notes: number;
    collections: number;
    collectionPapers: number;
    skipped: { bookmarks: number; notes: number };
  };
  error?: string;
};

function exportHref(format: 'md' | 'bibtex' | 'json', paperIds?: string[]): string {
  const params = new URLSearchParams({ format });
  if (paperIds?.length) params.set('ids', paperIds.join(','));
  return `/api/export?${params}`;
}

const linkClass =
  'inline-flex items-center rounded-full px-3 py-1 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Downloads (plain links: the browser streams the file to disk with the
 * server's filename) and the import form for /bookmarks. `paperIds` is the
 * current selection; without it only "everything" is offered.
 */
export function ExportPanel({ paperIds }: { paperIds?: string[] }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const selected = paperIds?.length ? paperIds : undefined;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return;
    // Same limit as the import route: refusing here saves uploading 20 MB for a 413.
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({ kind: 'error', text: importTooLargeMessage });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      // Same-origin fetch: the browser sends this page's Origin, which the API requires for writes.
      const response = await fetch('/api/import', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: await file.text(),
      });
      const data = (await response.json().catch(() => ({}))) as ImportResponse;
      if (!response.ok || !data.imported) throw new Error(data.error ?? `Import failed (${response.status}).`);
      const { bookmarks, notes, collections, collectionPapers, skipped } = data.imported;
      const already =
        skipped.bookmarks + skipped.notes > 0
          ? ` (${plural(skipped.bookmarks, 'bookmark')} and ${plural(skipped.notes, 'note')} were already here)`
          : '';
      const lists =
        collections + collectionPapers > 0
          ? `, ${plural(collections, 'collection')} (${plural(collectionPapers, 'paper')} put in collections)`
          : '';
      setMessage({ kind: 'ok', text: `Imported ${plural(bookmarks, 'bookmark')}, ${plural(notes, 'note')}${lists}${already}.` });
      // The bookmark stars and the server-rendered list both show imported data now.
      void loadReaderState(true);
      router.refresh();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : 'Import failed: network error.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="export-panel-title" className="space-y-3 rounded-lg p-4 ring-1 ring-slate-200 dark:ring-slate-800">
      <h2 id="export-panel-title" className="text-base font-semibold">
        Export and import
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600 dark:text-slate-400">All bookmarks:</span>
        <a href={exportHref('md')} download className={linkClass}>
          Markdown
        </a>
        <a href={exportHref('bibtex')} download className={linkClass}>
          BibTeX
        </a>
        <a href={exportHref('json')} download className={linkClass} title="Everything you own here, for importing on another site">
          JSON
        </a>
      </div>
      {selected ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600 dark:text-slate-400">Export selected ({selected.length}):</span>
          <a href={exportHref('md', selected)} download className={linkClass}>
            Markdown
          </a>
          <a href={exportHref('bibtex', selected)} download className={linkClass}>
            BibTeX
          </a>
        </div>
      ) : null}
      <form onSubmit={(event) => void submit(event)} className="flex flex-wrap items-center gap-2">
        <label className="text-sm text-slate-600 dark:text-slate-400">
          Import a JSON export:{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMessage(null);
            }}
            className="text-sm"
          />
        </label>
        <button type="submit" disabled={!file || busy} className={`${linkClass} disabled:opacity-50`}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={`text-sm ${message.kind === 'error' ? 'text-red-600 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400'}`}
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
