import 'katex/dist/katex.min.css';
// Pretendard's dynamic subset: ~90 unicode-range faces, so a page downloads only the glyph ranges it uses (served from /_next/static/media).
import 'pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css';
import '@/app/globals.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { siteConfig } from '@/lib/config/site';
import { THEME_COLORS, THEME_SCRIPT } from '@/lib/config/theme';
import { feedAlternates } from '@/lib/feeds/links';

export const metadata: Metadata = {
  metadataBase: new URL(siteConfig.url),
  title: { default: siteConfig.name, template: `%s · ${siteConfig.name}` },
  description: siteConfig.description,
  openGraph: { siteName: siteConfig.name, type: 'website' },
  alternates: feedAlternates(),
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: THEME_COLORS.light },
    { media: '(prefers-color-scheme: dark)', color: THEME_COLORS.dark },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The live preview exists under `next dev` only: a production build drops this branch and the island's code.
  const LivePreview = process.env.NODE_ENV === 'development' ? (await import('@/components/dev/live-preview')).LivePreview : null;
  const contentVersion =
    process.env.NODE_ENV === 'development' ? (await import('@/lib/content/dev/content-watcher')).currentContentVersion() : '';
  return (
    // The theme script adds `light` or `dark` to <html> before React hydrates it.
    <html lang="ko" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh bg-white text-slate-900 antialiased dark:bg-[#0b0f17] dark:text-slate-100">
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 pb-16 sm:px-6">
          {children}
        </main>
        <SiteFooter />
        {LivePreview ? <LivePreview version={contentVersion} /> : null}
      </body>
    </html>
  );
}
