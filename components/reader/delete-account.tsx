'use client';

import { InlineError } from '@/components/reader/inline-error';
import { useState } from 'react';
import { signOut } from '@/lib/auth/client';
import { clearNoteDrafts } from '@/components/reader/note-drafts';
import { send } from '@/components/reader/reader-store';

export function DeleteAccount() {
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function remove(event: React.FormEvent) {
    event.preventDefault();
    try {
      await send('DELETE', '/api/account', { confirm });
      // The account's unsaved notes go with it.
      clearNoteDrafts();
      await signOut({ callbackUrl: '/' });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not delete the account.');
    }
  }

  return (
    <form onSubmit={(event) => void remove(event)} className="space-y-3">
      <label className="block text-sm">
        Type <strong>DELETE</strong> to remove your account with all bookmarks, statuses and notes. This cannot be undone.
        <input
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          className="mt-2 block w-full rounded-lg bg-white px-3 py-2 ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
        />
      </label>
      <InlineError message={error} variant="form" />
      <button
        type="submit"
        disabled={confirm !== 'DELETE'}
        className="rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-500 disabled:opacity-50"
      >
        Delete my account
      </button>
    </form>
  );
}
