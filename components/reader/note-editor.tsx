'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { NOTE_MAX_LENGTH, noteLength, noteTooLongMessage } from '@/lib/reader/shared';

/** A random UUID; crypto.randomUUID exists only on https and localhost pages, getRandomValues everywhere. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A textarea whose text survives everything but a successful save: it is
 * kept in localStorage (under `draftKey`, which names the reader) as you
 * type, and a failed save leaves it in place with the server's reason.
 *
 * Each text it tries to save gets an idempotency key, and saving the same
 * text again (after "Not saved: network error") sends the same key: if the
 * first attempt did reach the server, the server answers with that note
 * instead of storing a second copy. Changed text gets a new key.
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
  onSubmit: (body: string, idempotencyKey: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const textareaId = useId();
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
    const key = attempt.current?.body === body ? attempt.current.key : newIdempotencyKey();
    attempt.current = { body, key };
    try {
      await onSubmit(body, key);
      attempt.current = null;
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
      <label className="sr-only" htmlFor={textareaId}>
        Note (Markdown)
      </label>
      <textarea
        id={textareaId}
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
          <button type="button" onClick={onCancel} className="inline-flex min-h-6 items-center underline">
            Cancel
          </button>
        ) : null}
        <span className={over ? 'font-semibold text-red-600 dark:text-red-400' : 'text-slate-600 dark:text-slate-300'}>
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
