'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { loadReaderState } from '@/components/reader/reader-store';
import { importTooLargeMessage, MAX_IMPORT_BYTES, type ImportResponse } from '@/lib/reader/shared';

/** The export of what the page shows: the page's filters ride along as the same query parameters. */
function exportHref(format: 'md' | 'bibtex' | 'json' | 'readwise' | 'notebook', viewQuery = ''): string {
  return `/api/export?format=${format}${viewQuery ? `&${viewQuery}` : ''}`;
}

const linkClass =
  'inline-flex items-center rounded-full px-3 py-1 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Downloads (plain links: the browser streams the file to disk with the
 * server's filename) and the import form for /library and /bookmarks.
 * Markdown and BibTeX export what the page shows (`viewQuery`: its filters
 * and sort as a query string, `viewCount` papers); JSON is everything.
 */
export function ExportPanel({
  viewQuery = '',
  viewCount,
  onChanged,
}: {
  viewQuery?: string;
  viewCount: number;
  /** Reads the page's list again after an import; without it the page is rendered again (router.refresh). */
  onChanged?: () => void;
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

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
      const { bookmarks, notes, collections, collectionPapers, highlights, skipped } = data.imported;
      const already =
        skipped.bookmarks + skipped.notes + skipped.highlights > 0
          ? ` (${plural(skipped.bookmarks, 'bookmark')}, ${plural(skipped.notes, 'note')} and ${plural(skipped.highlights, 'highlight')} were already here)`
          : '';
      const lists =
        collections + collectionPapers > 0
          ? `, ${plural(collections, 'collection')} (${plural(collectionPapers, 'paper')} put in collections)`
          : '';
      const marked = highlights > 0 ? `, ${plural(highlights, 'highlight')}` : '';
      setMessage({ kind: 'ok', text: `Imported ${plural(bookmarks, 'bookmark')}, ${plural(notes, 'note')}${marked}${lists}${already}.` });
      // The bookmark stars and the list both show imported data now.
      void loadReaderState(true);
      if (onChanged) onChanged();
      else router.refresh();
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
        <span className="text-sm text-slate-600 dark:text-slate-400">
          The papers shown ({viewCount.toLocaleString('en')} {viewCount === 1 ? 'paper' : 'papers'}, all pages):
        </span>
        <a href={exportHref('md', viewQuery)} download className={linkClass} data-export="md">
          Markdown
        </a>
        <a href={exportHref('bibtex', viewQuery)} download className={linkClass} data-export="bibtex">
          BibTeX
        </a>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600 dark:text-slate-400">Everything you own here, to import on another site:</span>
        <a href={exportHref('json')} download className={linkClass} data-export="json">
          JSON
        </a>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600 dark:text-slate-400">All your notes and highlights, grouped by paper:</span>
        <a href={exportHref('notebook')} download className={linkClass} data-export="notebook">
          Markdown
        </a>
        <a href={exportHref('readwise')} download className={linkClass} data-export="readwise">
          Readwise CSV
        </a>
      </div>
      <form onSubmit={(event) => void submit(event)} className="flex flex-wrap items-center gap-2">
        {/* Wraps under its text on a phone: a file input is about 260 px wide and would overflow a 320 px screen. */}
        <label className="flex max-w-full min-w-0 flex-wrap items-center gap-x-1 text-sm text-slate-600 dark:text-slate-400">
          Import a JSON export:{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMessage(null);
            }}
            className="max-w-full min-w-0 text-sm"
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
