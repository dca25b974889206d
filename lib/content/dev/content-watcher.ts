import 'server-only';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { contentRoot } from '@/lib/content/source/files';

/** What changed under the content folder: paths relative to it, `/`-separated. */
export type ContentChange = { paths: string[] };

type Listener = (change: ContentChange) => void;
type WatcherState = { root: string; watcher: FSWatcher; listeners: Set<Listener>; pending: Set<string>; timer: NodeJS.Timeout | null };

// One watcher per process, however often Next re-evaluates this module.
const registry = globalThis as typeof globalThis & { __contentWatcher?: WatcherState };

/** Saves close together (an editor writing a file and its backup, a folder of images) are sent as one change. */
const SETTLE_MS = 40;

function start(root: string): WatcherState {
  const state: WatcherState = {
    root,
    watcher: watch(root, { ignoreInitial: true, ignored: (file) => /(^|[/\\])(\.|node_modules)/.test(path.relative(root, file)) }),
    listeners: new Set(),
    pending: new Set(),
    timer: null,
  };
  state.watcher.on('all', (_event, file) => {
    state.pending.add(path.relative(root, file).split(path.sep).join('/'));
    state.timer ??= setTimeout(() => {
      const change = { paths: [...state.pending].sort() };
      state.pending.clear();
      state.timer = null;
      for (const listener of state.listeners) listener(change);
    }, SETTLE_MS);
  });
  state.watcher.on('error', (error) => console.error(`content watcher: ${(error as Error).message}`));
  return state;
}

/**
 * Development only: calls `listener` after every save, addition or removal
 * under the content folder (reviews, images), until the returned function is
 * called. The watcher starts with the first subscriber and stops with the last.
 */
export function onContentChange(listener: Listener): () => void {
  const root = contentRoot();
  let state = registry.__contentWatcher;
  if (!state || state.root !== root) {
    void state?.watcher.close();
    state = registry.__contentWatcher = start(root);
  }
  const current = state;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0 && registry.__contentWatcher === current) {
      registry.__contentWatcher = undefined;
      if (current.timer) clearTimeout(current.timer);
      void current.watcher.close();
    }
  };
}

/** Server-Sent Events: a `change` event per content change, a comment every 15 s so proxies keep the stream open. */
export function contentChangeStream(signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = onContentChange((change) => send(`event: change\ndata: ${JSON.stringify(change)}\n\n`));
      const ping = setInterval(() => send(': ping\n\n'), 15_000);
      stop = () => {
        unsubscribe();
        clearInterval(ping);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener('abort', stop, { once: true });
      send('retry: 1000\n: watching content\n\n');
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no' },
  });
}
