import type { InputHTMLAttributes, ReactNode } from 'react';

/*
 * The pieces every sign-in and account form is made of, so they look and
 * read alike: a labelled input, and one message line announced to screen
 * readers (an alert for failures, a polite status for success).
 */

const inputClass =
  'mt-1 w-full rounded-lg bg-white px-3 py-2 font-normal ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-blue-500 dark:bg-slate-900 dark:ring-slate-700';

/** A label wrapping its input, so the input's accessible name is the label text. */
export function Field({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <input className={inputClass} {...input} />
    </label>
  );
}

export type FormMessageValue = { kind: 'error' | 'success'; text: ReactNode } | null;

/** Always rendered, so the live region exists before a message arrives and screen readers announce it. */
export function FormMessage({ message }: { message: FormMessageValue }) {
  const style =
    message?.kind === 'error'
      ? 'bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300'
      : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300';
  return (
    <div aria-live="polite" aria-atomic="true">
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`rounded-md px-3 py-2 text-sm ${style}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={busy}
      className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-500 disabled:opacity-60"
    >
      {busy ? 'Please wait…' : children}
    </button>
  );
}

/** A form field's string value ('' when absent). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * A whole new page load, not a client-side route change: the session cookie
 * just changed, and every island (the header's account menu included) must
 * read it afresh.
 */
export function loadPage(path: string): void {
  window.location.assign(path);
}
