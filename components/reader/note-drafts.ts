'use client';
// Unsaved note text lives in localStorage until it is saved. A browser can be
// shared, so every draft is keyed by the signed-in reader, and drafts go when
// their reader signs out, deletes the account, or someone else signs in here.

const PREFIX = 'note-draft:';
// Drafts from before they were keyed by reader (`note-draft:new:<paperId>`, `note-draft:<noteId>`) belong to nobody known.
const mine = (userId: string) => `${PREFIX}u:${userId}:`;

/** The localStorage key of one draft: a new note on a paper, or an edit of a note. */
export function noteDraftKey(userId: string, draft: { paperId: string } | { noteId: string }): string {
  return 'noteId' in draft ? `${mine(userId)}note:${draft.noteId}` : `${mine(userId)}new:${draft.paperId}`;
}

/** Removes every note draft in this browser, or every one but `keepUserId`'s. */
export function clearNoteDrafts(keepUserId?: string): void {
  let storage: Storage;
  try {
    storage = window.localStorage;
  } catch {
    return; // storage disabled: there are no drafts either
  }
  const keep = keepUserId === undefined ? null : mine(keepUserId);
  // Collected first: removing while iterating shifts the indexes.
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX) && !(keep && key.startsWith(keep))) stale.push(key);
  }
  for (const key of stale) storage.removeItem(key);
}
