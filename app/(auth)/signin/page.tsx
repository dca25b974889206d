import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form';
import { oauthProviders } from '@/lib/auth/options';
import { authOrigin } from '@/lib/auth/origin';
import { safeCallbackUrl } from '@/lib/auth/safe-redirect';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const error = typeof params.error === 'string' ? params.error : null;
  return (
    <div className="mx-auto max-w-sm py-16">
      <h1 className="text-2xl font-bold tracking-tight">Sign in to keep papers</h1>
      <p className="mt-2 mb-8 text-sm text-slate-600 dark:text-slate-400">Bookmark papers, track what you read and write private notes.</p>
      <SignInForm callbackUrl={safeCallbackUrl(params.callbackUrl, authOrigin())} initialError={error} providers={oauthProviders()} />
    </div>
  );
}
