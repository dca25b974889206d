'use client';

import { useState } from 'react';
import { Field, FormMessage, formText, loadPage, SubmitButton, type FormMessageValue } from '@/components/auth/form-parts';
import { send } from '@/components/reader/reader-store';
import { signIn } from '@/lib/auth/client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/reader/shared';

/** Changes the password; every session ends, so this browser signs straight back in with the new one. */
export function ChangePasswordForm({ email }: { email: string }) {
  const [message, setMessage] = useState<FormMessageValue>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = formText(form, 'newPassword');
    setBusy(true);
    setMessage(null);
    try {
      const changed = (await send('POST', '/api/account/password', {
        currentPassword: formText(form, 'currentPassword'),
        newPassword,
      })) as {
        email: string;
      };
      const result = await signIn('credentials', { email: changed.email, password: newPassword, redirect: false });
      if (!result || result.error) {
        loadPage('/signin?callbackUrl=%2Faccount');
        return;
      }
      formElement.reset();
      setMessage({ kind: 'success', text: 'Password changed. Every other device has been signed out.' });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : 'Could not change the password.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4">
      {/* For password managers: which account this new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
      <FormMessage message={message} />
      <SubmitButton busy={busy}>Change password</SubmitButton>
    </form>
  );
}
