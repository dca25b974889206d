'use client';

import { useEffect, useState } from 'react';
import { NOTE_MAX_LENGTH, noteLength, noteTooLongMessage } from '@/lib/reader/shared';

/**
 * A textarea whose text survives everything but a successful save: it is
 * kept in localStorage as you type, and a failed save leaves it in place
 * with the server's reason.
 */
export function NoteEditor({
  draftKey,
  initial = '',
  submitLabel,
  onSubmit,
  onCancel,
}: {
  draftKey: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Counted like the server counts: characters, so an emoji is one.
  const length = noteLength(body);

  useEffect(() => {
    const saved = localStorage.getItem(draftKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- restores the localStorage draft after hydration; reading it during render would not match the server HTML
    if (saved !== null && saved !== initial) setBody(saved);
  }, [draftKey, initial]);

  function change(value: string) {
    setBody(value);
    if (value && value !== initial) localStorage.setItem(draftKey, value);
    else localStorage.removeItem(draftKey);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (length > NOTE_MAX_LENGTH) {
      setError(`${noteTooLongMessage(length)} Shorten it to save.`);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(body);
      localStorage.removeItem(draftKey);
      if (!initial) setBody('');
    } catch (e) {
      setError(`Not saved: ${e instanceof Error ? e.message : 'network error'} Your text is still here.`);
    } finally {
      setSaving(false);
    }
  }

  const over = length > NOTE_MAX_LENGTH;
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-2">
      <label className="sr-only" htmlFor={draftKey}>
        Note (Markdown)
      </label>
      <textarea
        id={draftKey}
        value={body}
        onChange={(event) => change(event.target.value)}
        rows={4}
        placeholder="Write a private note in Markdown…"
        className="w-full rounded-lg bg-white p-2 text-sm ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-blue-500 dark:bg-slate-900 dark:ring-slate-700"
      />
      <div className="flex flex-wrap items-center gap-3 text-xs">
        <button
          type="submit"
          disabled={saving || !body.trim()}
          className="rounded-md bg-blue-600 px-3 py-1 font-medium text-white hover:bg-blue-500 disabled:opacity-50"
        >
          {saving ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} className="underline">
            Cancel
          </button>
        ) : null}
        <span className={over ? 'font-semibold text-red-600 dark:text-red-400' : 'text-slate-500'}>
          {length.toLocaleString('en')} / {NOTE_MAX_LENGTH.toLocaleString('en')}
        </span>
        {error ? (
          <span role="alert" className="text-red-600 dark:text-red-400">
            {error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
