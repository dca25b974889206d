/** The reader's colour scheme: a class on <html>, remembered in localStorage; `system` removes the class. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = 'theme';

/** The page background of each scheme; also what phones paint their browser bar with (theme-color). */
export const THEME_COLORS = { light: '#ffffff', dark: '#0b0f17' } as const;

/**
 * Runs in <head> before the body is parsed, so the first paint already has
 * the chosen theme. Kept tiny and constant: every page carries the same text,
 * and the Content-Security-Policy allows it by the hash below.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.classList.add(t)}catch(e){}`;

/** sha256 of THEME_SCRIPT, base64 (tests/unit/security/csp.test.ts recomputes it). */
export const THEME_SCRIPT_HASH = 'sha256-zeUDw4suREvAxt7DJUJcOnD6vOb9Ie6zr2GP7qx3hVM=';

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}
