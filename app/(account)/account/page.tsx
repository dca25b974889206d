import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeEmailForm } from '@/components/account/change-email-form';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SignOutEverywhere } from '@/components/account/sign-out-everywhere';
import { DeleteAccount } from '@/components/reader/delete-account';
import { requireReader } from '@/lib/auth/session';
import { accountSummary } from '@/lib/auth/users';

export const metadata: Metadata = { title: 'Account', robots: { index: false } };

const section = 'mt-10 rounded-xl p-5 ring-1 ring-slate-200 dark:ring-slate-800';
const noPassword = (
  <p className="text-sm text-slate-600 dark:text-slate-400">
    This account signs in with GitHub or Google and has no password. To add one,{' '}
    <Link href="/reset-password" className="font-medium text-blue-700 hover:underline dark:text-blue-400">
      ask for a reset link
    </Link>
    .
  </p>
);

export default async function AccountPage() {
  const user = await requireReader('/account');
  const account = await accountSummary(user.id);
  const email = account?.email ?? user.email;
  return (
    <div className="mx-auto max-w-xl pt-10">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Signed in as {email ?? user.name}.</p>

      <section aria-labelledby="email-heading" className={section}>
        <h2 id="email-heading" className="mb-3 font-semibold">
          Email
        </h2>
        {account?.hasPassword ? <ChangeEmailForm /> : noPassword}
      </section>

      <section aria-labelledby="password-heading" className={section}>
        <h2 id="password-heading" className="mb-3 font-semibold">
          Password
        </h2>
        {account?.hasPassword && email ? (
          <>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">Changing it signs you out on every other device.</p>
            <ChangePasswordForm email={email} />
          </>
        ) : (
          noPassword
        )}
      </section>

      <section aria-labelledby="sessions-heading" className={section}>
        <h2 id="sessions-heading" className="mb-3 font-semibold">
          Sessions
        </h2>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          Signs this account out on every device and browser, this one included. Signing out anywhere does the same.
        </p>
        <SignOutEverywhere />
      </section>

      <section aria-labelledby="delete-heading" className="mt-10 rounded-xl p-5 ring-1 ring-red-200 dark:ring-red-900">
        <h2 id="delete-heading" className="mb-3 font-semibold text-red-700 dark:text-red-400">
          Delete account
        </h2>
        <DeleteAccount />
      </section>
    </div>
  );
}
