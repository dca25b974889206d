import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { resetTokenUsable } from '@/lib/auth/password-reset';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  // Only looks: the link is used up when the new password is set, not when a
  // mail scanner or a link preview fetches the page.
  const usable = await resetTokenUsable(token);
  return (
    <div className="mx-auto max-w-sm py-16">
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      {usable ? (
        <>
          <p className="mt-2 mb-8 text-sm text-slate-600 dark:text-slate-400">Setting it signs your account out on every device.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="mt-6 text-sm">
          This link has expired or was already used.{' '}
          <Link href="/reset-password" className="font-medium text-blue-700 hover:underline dark:text-blue-400">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </div>
  );
}
