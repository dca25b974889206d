import { ThemeSelect } from '@/components/layout/theme-select';
import { SITE_ATOM, SITE_RSS } from '@/lib/feeds/links';

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 py-8 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-center gap-x-6 gap-y-3 px-4 text-center sm:px-6">
        <span>Weekly ML papers reviews · rendered from MDX at build time</span>
        <nav aria-label="Feeds" className="flex gap-4">
          <a href={SITE_RSS} type="application/rss+xml" className="inline-flex min-h-6 items-center underline">
            RSS feed
          </a>
          <a href={SITE_ATOM} type="application/atom+xml" className="inline-flex min-h-6 items-center underline">
            Atom feed
          </a>
        </nav>
        <ThemeSelect />
      </div>
    </footer>
  );
}
