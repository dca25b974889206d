'use client';

import { IDEMPOTENCY_KEY_HEADER, type NoteView } from '@/lib/reader/shared';
import { useEffect, useState } from 'react';
import { NoteBody } from '@/components/reader/note-body';
import { NoteEditor } from '@/components/reader/note-editor';
import { noteDraftKey } from '@/components/reader/note-drafts';
import { send, updateReaderState, useReaderState } from '@/components/reader/reader-store';

type Note = NoteView;
type NotesPage = { notes: Note[]; earlier: string | null };

const notesUrl = (paperId: string, before?: string) =>
  `/api/notes?${new URLSearchParams({ paperId, ...(before === undefined ? {} : { before }) }).toString()}`;

/**
 * The reader's own notes under a paper on the review page; nobody else ever
 * receives them. The newest page comes first; "Show earlier notes" loads the
 * pages before it, so a paper with thousands of notes is never one response.
 */
export function PaperNotes({ paperId }: { paperId: string }) {
  const reader = useReaderState();
  const count = reader?.noteCounts[paperId] ?? 0;
  const [open, setOpen] = useState(false);
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [earlier, setEarlier] = useState<string | null>(null);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!(reader?.user && (open || count > 0) && notes === null)) return;
    void send('GET', notesUrl(paperId)).then(
      (data) => {
        const page = data as NotesPage;
        setNotes(page.notes);
        setEarlier(page.earlier);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : 'Could not load notes.'),
    );
  }, [reader?.user, open, count, notes, paperId]);

  if (!reader?.user) return null;
  const userId = reader.user.id;

  const setCount = (n: number) => updateReaderState((s) => ({ ...s, noteCounts: { ...s.noteCounts, [paperId]: n } }));

  async function showEarlier() {
    if (!earlier) return;
    setLoadingEarlier(true);
    try {
      const page = (await send('GET', notesUrl(paperId, earlier))) as NotesPage;
      setNotes((current) => [...page.notes, ...(current ?? [])]);
      setEarlier(page.earlier);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not load earlier notes.');
    } finally {
      setLoadingEarlier(false);
    }
  }

  async function create(body: string, idempotencyKey: string) {
    const { note } = (await send('POST', '/api/notes', { paperId, body }, { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey })) as {
      note: Note;
    };
    // A retry answered with a note already shown is not added twice.
    setNotes((current) => (current?.some((n) => n.id === note.id) ? current : [...(current ?? []), note]));
    if (!notes?.some((n) => n.id === note.id)) setCount(count + 1);
  }

  async function update(id: string, body: string) {
    const { note } = (await send('PATCH', `/api/notes/${encodeURIComponent(id)}`, { body })) as { note: Note };
    setNotes((current) => (current ?? []).map((n) => (n.id === id ? note : n)));
    setEditing(null);
  }

  async function remove(id: string) {
    if (!window.confirm('Delete this note?')) return;
    try {
      await send('DELETE', `/api/notes/${encodeURIComponent(id)}`);
      setNotes((current) => (current ?? []).filter((n) => n.id !== id));
      setCount(Math.max(0, count - 1));
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not delete the note.');
    }
  }

  const showPanel = open || (notes?.length ?? 0) > 0;
  return (
    <div className="paper-notes" data-notes-for={paperId}>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={showPanel}
        className="inline-flex min-h-6 items-center text-xs underline decoration-dotted"
      >
        {count ? `My notes (${count})` : 'Add a note'}
      </button>
      {showPanel ? (
        <div className="mt-2 space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 dark:bg-slate-900/60 dark:ring-slate-800">
          {error ? (
            <p role="alert" className="not-prose text-xs text-red-600 dark:text-red-400">
              {error}
            </p>
          ) : null}
          {earlier ? (
            <button
              type="button"
              onClick={() => void showEarlier()}
              disabled={loadingEarlier}
              className="inline-flex min-h-6 items-center text-xs underline"
            >
              {loadingEarlier ? 'Loading…' : `Show earlier notes (${Math.max(0, count - (notes?.length ?? 0)).toLocaleString('en')} more)`}
            </button>
          ) : null}
          {(notes ?? []).map((note) =>
            editing === note.id ? (
              <div key={note.id} className="not-prose">
                <NoteEditor
                  draftKey={noteDraftKey(userId, { noteId: note.id })}
                  initial={note.body}
                  submitLabel="Save"
                  onSubmit={(body) => update(note.id, body)}
                  onCancel={() => setEditing(null)}
                />
              </div>
            ) : (
              <article key={note.id} className="note" data-note-id={note.id}>
                <NoteBody html={note.html} />
                <p className="not-prose mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
                  <time dateTime={note.updatedAt}>{new Date(note.updatedAt).toLocaleString()}</time>
                  <button type="button" className="inline-flex min-h-6 min-w-6 items-center underline" onClick={() => setEditing(note.id)}>
                    Edit
                  </button>
                  <button type="button" className="inline-flex min-h-6 min-w-6 items-center underline" onClick={() => void remove(note.id)}>
                    Delete
                  </button>
                </p>
              </article>
            ),
          )}
          <div className="not-prose">
            <NoteEditor draftKey={noteDraftKey(userId, { paperId })} submitLabel="Add note" onSubmit={create} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
