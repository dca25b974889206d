import Link from 'next/link';
import { siteConfig } from '@/lib/config/site';
import { HeaderMenu } from '@/components/layout/header-menu';
import { AccountMenu } from '@/components/reader/account-menu';
import { SearchLauncher } from '@/components/search/search-launcher';

const sections = [
  { href: '/', label: 'Reviews' },
  { href: '/papers', label: 'Papers' },
  // Signed out, /library sends the reader to sign in and back.
  { href: '/library', label: 'Library' },
];

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200/80 bg-white/85 backdrop-blur dark:border-slate-800 dark:bg-[#0b0f17]/85">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 whitespace-nowrap sm:gap-6 sm:px-6">
        <Link href="/" className="inline-flex min-h-6 items-center font-semibold tracking-tight">
          {siteConfig.name}
        </Link>
        <nav aria-label="Sections" className="hidden gap-4 text-sm text-slate-600 sm:flex dark:text-slate-300">
          {sections.map((section) => (
            <Link
              key={section.href}
              href={section.href}
              className="inline-flex min-h-6 items-center hover:text-slate-900 dark:hover:text-white"
            >
              {section.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          <SearchLauncher />
          <span className="hidden sm:contents">
            <AccountMenu />
          </span>
          <HeaderMenu>
            <nav aria-label="Sections" className="flex flex-col gap-2 border-b border-slate-200 pb-2 dark:border-slate-700">
              {sections.map((section) => (
                <Link key={section.href} href={section.href} className="inline-flex min-h-6 items-center hover:underline">
                  {section.label}
                </Link>
              ))}
            </nav>
            <AccountMenu variant="menu" />
          </HeaderMenu>
        </div>
      </div>
    </header>
  );
}
