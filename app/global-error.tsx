'use client';

import '@/app/globals.css';
import { ErrorMessage } from '@/components/layout/error-message';

// Replaces the root layout when it fails itself, so it brings its own <html>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ko">
      <body className="min-h-dvh bg-white text-slate-900 antialiased dark:bg-[#0b0f17] dark:text-slate-100">
        <main className="px-4">
          <ErrorMessage digest={error.digest} onRetry={reset} />
        </main>
      </body>
    </html>
  );
}
