'use client';

import { useSyncExternalStore } from 'react';

export type ReadingStatus = 'TO_READ' | 'READING' | 'READ';
export type ReaderState = {
  user: { id: string; email: string | null; name: string | null } | null;
  bookmarks: string[];
  statuses: Record<string, ReadingStatus>;
  noteCounts: Record<string, number>;
};

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
    .then((response) => (response.ok ? (response.json() as Promise<ReaderState>) : null))
    .then((next) => {
      state = next ?? { user: null, bookmarks: [], statuses: {}, noteCounts: {} };
      emit();
    })
    .catch(() => {
      state = { user: null, bookmarks: [], statuses: {}, noteCounts: {} };
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
  return useSyncExternalStore(subscribe, () => state, () => null);
}

export function updateReaderState(change: (current: ReaderState) => ReaderState) {
  if (!state) return;
  state = change(state);
  emit();
}

/** Sends a JSON mutation; rejects with the server's message so the island can show it. */
export async function send(method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(data.error ?? `Request failed (${response.status}).`);
  return data;
}

export function signInUrl(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}
