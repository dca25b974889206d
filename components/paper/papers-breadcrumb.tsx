import Link from 'next/link';
import type { ReactNode } from 'react';

/** "Papers / <current>" above a paper list or a paper's page; long names wrap instead of widening a phone screen. */
export function PapersBreadcrumb({ children }: { children: ReactNode }) {
  return (
    <nav aria-label="Breadcrumbs" className="text-sm text-slate-500 dark:text-slate-400">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/papers" className="hover:underline">
            Papers
          </Link>
          <span aria-hidden> /</span>
        </li>
        <li aria-current="page" className="min-w-0 break-words">
          {children}
        </li>
      </ol>
    </nav>
  );
}
