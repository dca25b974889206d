import type { Metadata } from 'next';
import { DeleteAccount } from '@/components/reader/delete-account';
import { requireReader } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Account', robots: { index: false } };

export default async function AccountPage() {
  const user = await requireReader('/account');
  return (
    <div className="mx-auto max-w-xl pt-10">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Signed in as {user.email ?? user.name}.</p>
      <section className="mt-10 rounded-xl p-5 ring-1 ring-red-200 dark:ring-red-900">
        <h2 className="mb-3 font-semibold text-red-700 dark:text-red-400">Delete account</h2>
        <DeleteAccount />
      </section>
    </div>
  );
}
