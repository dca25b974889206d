import Link from 'next/link';
import { siteConfig } from '@/lib/config/site';
import { AccountMenu } from '@/components/reader/account-menu';
import { SearchLauncher } from '@/components/search/search-launcher';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200/80 bg-white/85 backdrop-blur dark:border-slate-800 dark:bg-[#0b0f17]/85">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4 whitespace-nowrap sm:gap-6 sm:px-6">
        <Link href="/" className="font-semibold tracking-tight">
          {siteConfig.name}
        </Link>
        <nav className="flex gap-3 text-sm sm:gap-4 text-slate-600 dark:text-slate-300">
          <Link href="/" className="hidden hover:text-slate-900 sm:inline dark:hover:text-white">
            Reviews
          </Link>
          <Link href="/papers" className="hover:text-slate-900 dark:hover:text-white">
            Papers
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <SearchLauncher />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
