import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetRequestForm } from '@/components/auth/reset-request-form';
import { mailConfigured } from '@/lib/auth/mail';
import { RESET_NOT_CONFIGURED_MESSAGE } from '@/lib/reader/shared';

export const metadata: Metadata = { title: 'Reset your password', robots: { index: false } };
// Whether mail is configured is a fact of the running server, not of the build.
export const dynamic = 'force-dynamic';

export default function ResetPasswordRequestPage() {
  return (
    <div className="mx-auto max-w-sm py-16">
      <h1 className="text-2xl font-bold tracking-tight">Reset your password</h1>
      {mailConfigured() ? (
        <>
          <p className="mt-2 mb-8 text-sm text-slate-600 dark:text-slate-400">
            Enter the email you sign in with and we will mail you a link to choose a new password.
          </p>
          <ResetRequestForm />
        </>
      ) : (
        <p role="status" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {RESET_NOT_CONFIGURED_MESSAGE}
        </p>
      )}
      <p className="mt-8 text-sm">
        <Link href="/signin" className="text-blue-700 hover:underline dark:text-blue-400">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
