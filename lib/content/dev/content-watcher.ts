import 'server-only';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { contentRoot } from '@/lib/content/source/files';

/** What changed under the content folder: paths relative to it, `/`-separated, and the content version it made. */
export type ContentChange = { paths: string[]; version: string };

type Listener = (change: ContentChange) => void;
type WatcherState = {
  root: string;
  watcher: FSWatcher;
  listeners: Set<Listener>;
  pending: Set<string>;
  timer: NodeJS.Timeout | null;
  /** Changes seen since this watcher started; with `boot`, the content version a page was rendered at. */
  changes: number;
  boot: string;
};

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
    changes: 0,
    boot: Date.now().toString(36),
  };
  state.watcher.on('all', (_event, file) => {
    state.pending.add(path.relative(root, file).split(path.sep).join('/'));
    state.timer ??= setTimeout(() => {
      state.changes += 1;
      const change = { paths: [...state.pending].sort(), version: versionOf(state) };
      state.pending.clear();
      state.timer = null;
      for (const listener of state.listeners) listener(change);
    }, SETTLE_MS);
  });
  state.watcher.on('error', (error) => console.error(`content watcher: ${(error as Error).message}`));
  return state;
}

const versionOf = (state: WatcherState) => `${state.boot}.${state.changes}`;

/** The running watcher for the content folder, started on first use and kept for the life of the dev server. */
function watcherFor(root: string): WatcherState {
  const state = registry.__contentWatcher;
  if (state?.root === root) return state;
  void state?.watcher.close();
  return (registry.__contentWatcher = start(root));
}

/**
 * Development only: the content version the page being rendered shows. The
 * layout renders it into the live preview island, and the event stream sends
 * the current one when it (re)connects: a save made before the stream opened
 * (the route is still compiling on a first visit, or the connection dropped)
 * is then noticed and the page refreshed, instead of being missed.
 */
export function currentContentVersion(): string {
  return versionOf(watcherFor(contentRoot()));
}

/**
 * Development only: calls `listener` after every save, addition or removal
 * under the content folder (reviews, images), until the returned function is
 * called. The watcher keeps running without listeners, so the version counts
 * every change between a page's render and its stream connecting.
 */
export function onContentChange(listener: Listener): () => void {
  const state = watcherFor(contentRoot());
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** Server-Sent Events: the current `version` on connecting, a `change` event per content change, a comment every 15 s so proxies keep the stream open. */
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
      send(`retry: 1000\nevent: version\ndata: ${currentContentVersion()}\n\n`);
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no' },
  });
}
