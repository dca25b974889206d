'use client';

import { useEffect, useState, type ComponentType } from 'react';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * What every page ships of search: a button and the `/` and Ctrl/Cmd-K
 * shortcuts. The dialog, the engine and the index load on first use.
 */
export function SearchLauncher() {
  const [Dialog, setDialog] = useState<ComponentType<{ openSignal: number }> | null>(null);
  const [signal, setSignal] = useState(0);

  function load() {
    return import('@/components/search/search-dialog').then((module) => setDialog(() => module.SearchDialog));
  }

  function open() {
    if (!Dialog) void load();
    setSignal((n) => n + 1);
  }

  // Fetch the dialog's code once the page is idle (not part of first load), so
  // keys typed right after `/` land in the box; the index still waits for open.
  useEffect(() => {
    const idle = (fn: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(fn) : window.setTimeout(fn, 1500));
    idle(() => void load());
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut =
        (event.key === '/' && !isTyping(event.target)) || ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k');
      if (!shortcut || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <button
        type="button"
        onClick={open}
        className="flex items-center gap-2 rounded-md px-2.5 py-1 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-100 dark:text-slate-300 dark:ring-slate-700 dark:hover:bg-slate-800"
      >
        <span>Search</span>
        <kbd className="hidden rounded bg-slate-100 px-1 text-xs sm:inline dark:bg-slate-800">/</kbd>
      </button>
      {Dialog ? <Dialog openSignal={signal} /> : null}
    </>
  );
}
