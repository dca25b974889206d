'use client';

import { InlineError } from '@/components/reader/inline-error';
import Link from 'next/link';
import { useState } from 'react';
import { signIn } from '@/lib/auth/client';

const messages: Record<string, string> = {
  RateLimited: 'Too many attempts to sign in to this account from your network. Wait 15 minutes, or reset your password.',
  CredentialsSignin: 'Email or password is incorrect.',
  OAuthAccountNotLinked: 'That email is already used with another sign-in method.',
  Unavailable: 'Signing in is not possible right now. Please try again in a few minutes.',
};

/** Sign in or create an account; either way the reader lands back where they clicked. */
export function SignInForm({
  callbackUrl,
  initialError,
  providers,
}: {
  callbackUrl: string;
  initialError: string | null;
  providers: { id: string; name: string }[];
}) {
  const [mode, setMode] = useState<'signin' | 'signup'>('signin');
  const [error, setError] = useState<string | null>(initialError ? (messages[initialError] ?? 'Could not sign you in. Try again.') : null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const email = field('email');
    const password = field('password');
    setBusy(true);
    setError(null);
    try {
      if (mode === 'signup') {
        const response = await fetch('/api/signup', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        if (!response.ok) {
          const data = (await response.json().catch(() => ({}))) as { error?: string };
          setError(data.error ?? 'Could not create the account.');
          return;
        }
      }
      const result = await signIn('credentials', { email, password, redirect: false, callbackUrl });
      if (!result || result.error) {
        setError(messages[result?.error ?? ''] ?? messages.CredentialsSignin!);
        return;
      }
      window.location.assign(callbackUrl);
    } finally {
      setBusy(false);
    }
  }

  const input =
    'mt-1 w-full rounded-lg bg-white px-3 py-2 ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-blue-500 dark:bg-slate-900 dark:ring-slate-700';
  return (
    <div className="space-y-6">
      <div role="tablist" aria-label="Account" className="grid grid-cols-2 rounded-lg bg-slate-100 p-1 text-sm dark:bg-slate-900">
        {(['signin', 'signup'] as const).map((m) => (
          <button
            key={m}
            role="tab"
            type="button"
            aria-selected={mode === m}
            onClick={() => {
              setMode(m);
              setError(null);
            }}
            className={`rounded-md py-1.5 font-medium ${mode === m ? 'bg-white shadow-sm dark:bg-slate-800' : 'text-slate-600 dark:text-slate-400'}`}
          >
            {m === 'signin' ? 'Sign in' : 'Create account'}
          </button>
        ))}
      </div>
      <form onSubmit={(event) => void submit(event)} className="space-y-4">
        <label className="block text-sm font-medium">
          Email
          <input name="email" type="email" autoComplete="email" required className={input} />
        </label>
        <label className="block text-sm font-medium">
          Password
          <input
            name="password"
            type="password"
            autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
            minLength={mode === 'signup' ? 8 : undefined}
            required
            className={input}
          />
        </label>
        <InlineError message={error} variant="form" />
        <button
          type="submit"
          disabled={busy}
          className="w-full rounded-lg bg-blue-600 py-2 font-medium text-white hover:bg-blue-500 disabled:opacity-60"
        >
          {busy ? 'Please wait…' : mode === 'signin' ? 'Sign in' : 'Create account'}
        </button>
      </form>
      {mode === 'signin' ? (
        <p className="text-center text-sm">
          <Link href="/reset-password" className="text-blue-700 hover:underline dark:text-blue-400">
            Forgot your password?
          </Link>
        </p>
      ) : null}
      {providers.length ? (
        <div className="space-y-2">
          <p className="text-center text-xs text-slate-500 dark:text-slate-400">or</p>
          {providers.map((provider) => (
            <button
              key={provider.id}
              type="button"
              onClick={() => void signIn(provider.id, { callbackUrl })}
              className="w-full rounded-lg py-2 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50 dark:ring-slate-700 dark:hover:bg-slate-900"
            >
              Continue with {provider.name}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
