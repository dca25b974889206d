'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Phones: the header's links behind one "Menu" button, so the header never
 * gets wider than the screen. A native <details>, closed again by a click on
 * one of its links (the header outlives client navigations), by a click
 * outside it and by Esc.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        details.open = false;
        details.querySelector('summary')?.focus();
        return;
      }
      if (!details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details ref={ref} className="relative text-sm sm:hidden">
      <summary className="flex min-h-8 cursor-pointer list-none items-center rounded-md px-3 ring-1 ring-slate-300 dark:ring-slate-700 [&::-webkit-details-marker]:hidden">
        Menu <span aria-hidden>&nbsp;▾</span>
      </summary>
      <div
        className="absolute right-0 z-30 mt-2 flex w-56 max-w-[calc(100vw-2rem)] flex-col gap-2 rounded-lg bg-white p-3 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a')) ref.current?.removeAttribute('open');
        }}
      >
        {children}
      </div>
    </details>
  );
}
