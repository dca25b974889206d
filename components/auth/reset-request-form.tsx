'use client';

import { useState } from 'react';
import { Field, FormMessage, formText, SubmitButton, type FormMessageValue } from '@/components/auth/form-parts';

/** Asks for a reset link; the answer reads the same whether or not the email has an account. */
export function ResetRequestForm() {
  const [message, setMessage] = useState<FormMessageValue>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formText(new FormData(event.currentTarget), 'email');
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch('/api/password-reset', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      const data = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
      setMessage(
        response.ok
          ? { kind: 'success', text: data.message ?? 'Check your inbox.' }
          : { kind: 'error', text: data.error ?? `Could not ask for a link (${response.status}).` },
      );
    } catch {
      setMessage({ kind: 'error', text: 'The request did not reach the server. Check your connection and try again.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4">
      <Field label="Email" name="email" type="email" autoComplete="email" maxLength={320} required />
      <FormMessage message={message} />
      <SubmitButton busy={busy}>Send me a link</SubmitButton>
    </form>
  );
}
