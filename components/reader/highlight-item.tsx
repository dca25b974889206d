'use client';

import { useState } from 'react';
import { NoteBody } from '@/components/reader/note-body';
import { NoteEditor } from '@/components/reader/note-editor';
import { noteDraftKey } from '@/components/reader/note-drafts';
import { send } from '@/components/reader/reader-store';
import { HIGHLIGHT_COLORS, highlightColorLabels, type HighlightColor, type HighlightView } from '@/lib/reader/shared';

/** The quote's left rule in the highlight's color (literal classes, so Tailwind keeps them). */
const colorRule: Record<HighlightColor, string> = {
  yellow: 'border-yellow-400 dark:border-yellow-300',
  green: 'border-emerald-500 dark:border-emerald-400',
  blue: 'border-sky-500 dark:border-sky-400',
  pink: 'border-pink-500 dark:border-pink-400',
};

const buttonClass = 'inline-flex min-h-6 min-w-6 items-center underline';

/**
 * One of the reader's highlights outside its review (/notes, the paper
 * page): the quote, the note, a link to the passage, and edit and delete in
 * place through PATCH/DELETE /api/highlights/<id>. A highlight whose quote
 * is gone from the review (`gone`) keeps all of that, and says so.
 */
export function HighlightItem({
  highlight: initial,
  href,
  userId,
  gone = false,
  context,
}: {
  highlight: HighlightView;
  /** The passage on the review page (`<review url>#hl-<id>`), null when the review is gone. */
  href: string | null;
  userId: string;
  gone?: boolean;
  /** Where it was made, when the list around it does not say (the review's title). */
  context?: string | null;
}) {
  const [highlight, setHighlight] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function patch(change: { note?: string | null; color?: HighlightColor }) {
    const { highlight: saved } = (await send('PATCH', `/api/highlights/${encodeURIComponent(highlight.id)}`, change)) as {
      highlight: HighlightView;
    };
    setHighlight(saved);
  }

  async function run(action: () => Promise<void>, failure: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm('Delete this highlight and its note?')) return;
    await run(async () => {
      await send('DELETE', `/api/highlights/${encodeURIComponent(highlight.id)}`);
      setDeleted(true);
    }, 'Could not delete the highlight.');
  }

  if (deleted) {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400" data-highlight-deleted={highlight.id}>
        Highlight deleted.
      </p>
    );
  }

  const time = new Date(highlight.updatedAt);
  return (
    <article
      className="rounded-lg p-3 ring-1 ring-slate-200 dark:ring-slate-800"
      data-highlight={highlight.id}
      data-gone={gone || undefined}
    >
      <blockquote className={`border-l-4 pl-3 text-slate-800 dark:text-slate-200 ${colorRule[highlight.color]}`}>
        <p className="break-words whitespace-pre-line">{highlight.quote.exact}</p>
      </blockquote>
      {editing ? (
        <div className="mt-2">
          <NoteEditor
            draftKey={noteDraftKey(userId, { noteId: `hl:${highlight.id}` })}
            initial={highlight.note ?? ''}
            submitLabel="Save note"
            onSubmit={async (note) => {
              await patch({ note });
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : highlight.noteHtml ? (
        <div className="mt-2">
          <NoteBody html={highlight.noteHtml} />
        </div>
      ) : null}
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        {href ? (
          <a href={href} className={buttonClass} data-highlight-link>
            {gone ? 'Open the review' : 'Show in the review'}
          </a>
        ) : null}
        {context ? <span>{context}</span> : null}
        <time dateTime={highlight.updatedAt}>{`${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`}</time>
        {editing ? null : (
          <button type="button" className={buttonClass} onClick={() => setEditing(true)} disabled={busy}>
            {highlight.note ? 'Edit note' : 'Add a note'}
          </button>
        )}
        {highlight.note && !editing ? (
          <button
            type="button"
            className={buttonClass}
            disabled={busy}
            onClick={() => void run(() => patch({ note: null }), 'Could not remove the note.')}
          >
            Remove note
          </button>
        ) : null}
        <label className="inline-flex items-center gap-1">
          <span className="sr-only">Color</span>
          <select
            value={highlight.color}
            disabled={busy}
            onChange={(event) => {
              const color = event.target.value as HighlightColor;
              void run(() => patch({ color }), 'Could not change the color.');
            }}
            className="rounded bg-transparent py-0.5 text-xs ring-1 ring-slate-300 dark:ring-slate-700"
          >
            {HIGHLIGHT_COLORS.map((c) => (
              <option key={c} value={c}>
                {highlightColorLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={buttonClass} onClick={() => void remove()} disabled={busy}>
          Delete
        </button>
      </p>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </article>
  );
}
