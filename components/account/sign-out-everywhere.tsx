'use client';

import { useState } from 'react';
import { FormMessage, type FormMessageValue } from '@/components/auth/form-parts';
import { send } from '@/components/reader/reader-store';
import { signOut } from '@/lib/auth/client';

/** Ends every session of the account: a lost phone, a shared computer, a copied cookie. */
export function SignOutEverywhere() {
  const [message, setMessage] = useState<FormMessageValue>(null);
  const [busy, setBusy] = useState(false);

  async function endAll() {
    setBusy(true);
    setMessage(null);
    try {
      await send('DELETE', '/api/account/sessions');
      // Through NextAuth's own sign-out, so this browser forgets the session the way it always does.
      await signOut({ callbackUrl: '/' });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : 'Could not sign out everywhere.' });
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <FormMessage message={message} />
      <button
        type="button"
        disabled={busy}
        onClick={() => void endAll()}
        className="rounded-lg px-4 py-2 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60 dark:ring-slate-700 dark:hover:bg-slate-900"
      >
        {busy ? 'Please wait…' : 'Sign out everywhere'}
      </button>
    </div>
  );
}
