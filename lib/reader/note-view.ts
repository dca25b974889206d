import 'server-only';
import { renderNoteMarkdown } from '@/lib/reader/note-markdown';
import type { NoteRecord } from '@/lib/reader/notes';

export type NoteView = { id: string; paperId: string; body: string; html: string; createdAt: string; updatedAt: string };

/** A note as the browser gets it: the Markdown to edit and its sanitized HTML to show. */
export async function presentNote(note: NoteRecord): Promise<NoteView> {
  return {
    id: note.id,
    paperId: note.paperId,
    body: note.body,
    html: await renderNoteMarkdown(note.body),
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}
