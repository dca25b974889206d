'use client';

import { useSyncExternalStore } from 'react';
import { SIGNED_OUT_STATE, type ReaderState as ServerReaderState } from '@/lib/reader/shared';
import { clearNoteDrafts } from '@/components/reader/note-drafts';

/** What the server said, or, when it could not be asked, signed-out data plus the reason. */
export type ReaderState = ServerReaderState & { loadError?: string };

// One request per page load, shared by every island on the page.
let state: ReaderState | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function loadReaderState(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = fetch('/api/reader/state', { cache: 'no-store', credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      return (await response.json()) as ServerReaderState;
    })
    .then((next) => {
      // Someone else signed in on this browser: the previous reader's unsaved notes are not theirs to see.
      if (next.user) clearNoteDrafts(next.user.id);
      state = next;
      emit();
    })
    .catch((error: unknown) => {
      // Not "signed out": the reader may well be signed in; say what happened instead.
      const reason = error instanceof Error && error.message.startsWith('the server') ? error.message : 'the network request failed';
      state = { ...SIGNED_OUT_STATE, loadError: `Could not load your reading data (${reason}).` };
      emit();
    });
  return loading;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  void loadReaderState();
  return () => listeners.delete(listener);
}

/** null while loading (and during server rendering): islands render a neutral placeholder. */
export function useReaderState(): ReaderState | null {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => null,
  );
}

export function updateReaderState(change: (current: ReaderState) => ReaderState) {
  if (!state) return;
  state = change(state);
  emit();
}

/** Sends a JSON mutation; rejects with the server's message so the island can show it. */
export async function send(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(data.error ?? `Request failed (${response.status}).`);
  return data;
}

export function signInUrl(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}
