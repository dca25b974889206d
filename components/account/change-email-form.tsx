'use client';

import { useState } from 'react';
import { Field, FormMessage, formText, loadPage, SubmitButton, type FormMessageValue } from '@/components/auth/form-parts';
import { send } from '@/components/reader/reader-store';
import { signIn } from '@/lib/auth/client';

/** Moves the account to another email; every session ends, so this browser signs back in under the new one. */
export function ChangeEmailForm() {
  const [message, setMessage] = useState<FormMessageValue>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = formText(form, 'currentPassword');
    setBusy(true);
    setMessage(null);
    try {
      const changed = (await send('POST', '/api/account/email', { email: formText(form, 'email'), currentPassword })) as { email: string };
      const result = await signIn('credentials', { email: changed.email, password: currentPassword, redirect: false });
      // Reloaded either way: the page (and the header) still show the old address.
      loadPage(!result || result.error ? '/signin?callbackUrl=%2Faccount' : '/account');
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : 'Could not change the email.' });
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4">
      <Field label="New email" name="email" type="email" autoComplete="email" maxLength={320} required />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
      <FormMessage message={message} />
      <SubmitButton busy={busy}>Change email</SubmitButton>
    </form>
  );
}
