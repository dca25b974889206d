'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { isTheme, THEME_COLORS, THEME_STORAGE_KEY, THEMES, type Theme } from '@/lib/config/theme';

const listeners = new Set<() => void>();

function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

function applyTheme(theme: Theme) {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
  const root = document.documentElement.classList;
  root.remove('light', 'dark');
  if (theme !== 'system') root.add(theme);
  syncBrowserBar(theme);
  listeners.forEach((listener) => listener());
}

/**
 * The theme-color metas (app/layout.tsx) name a colour per system scheme; a
 * reader's own pick paints the phone's browser bar with its colour instead.
 * Each meta's media query says which scheme it was written for.
 */
function syncBrowserBar(theme: Theme) {
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    const scheme = meta.media.includes('dark') ? 'dark' : 'light';
    meta.content = THEME_COLORS[theme === 'system' ? scheme : theme];
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changed it.
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY) applyTheme(storedTheme());
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const labels: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light, dark or the system's scheme; the class itself is set before first paint by THEME_SCRIPT. */
export function ThemeSelect() {
  const theme = useSyncExternalStore(subscribe, storedTheme, () => 'system' as const);
  // The head script set the class before paint; the metas arrive later in <head>, so they follow here.
  useEffect(() => syncBrowserBar(theme), [theme]);
  return (
    <label className="inline-flex items-center gap-2">
      <span>Theme</span>
      <select
        value={theme}
        onChange={(event) => applyTheme(isTheme(event.target.value) ? event.target.value : 'system')}
        className="min-h-6 rounded-md bg-white px-1.5 py-0.5 text-slate-700 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700"
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
