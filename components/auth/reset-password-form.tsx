'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Field, FormMessage, formText, loadPage, SubmitButton, type FormMessageValue } from '@/components/auth/form-parts';
import { send } from '@/components/reader/reader-store';
import { signIn } from '@/lib/auth/client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/reader/shared';

/** Sets a new password from a reset link, then signs in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [message, setMessage] = useState<FormMessageValue>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = formText(form, 'password');
    if (password !== formText(form, 'repeat')) {
      setMessage({ kind: 'error', text: 'The two passwords are not the same.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const { email } = (await send('POST', '/api/password-reset/complete', { token, password })) as { email: string };
      const result = await signIn('credentials', { email, password, redirect: false });
      if (result && !result.error) {
        loadPage('/account');
        return;
      }
      setMessage({
        kind: 'success',
        text: (
          <>
            Your password was changed.{' '}
            <Link href="/signin" className="font-medium underline">
              Sign in
            </Link>{' '}
            with it.
          </>
        ),
      });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : 'Could not set the password.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4">
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
      <Field label="Repeat the new password" name="repeat" type="password" autoComplete="new-password" required />
      <FormMessage message={message} />
      <SubmitButton busy={busy}>Set new password</SubmitButton>
    </form>
  );
}
