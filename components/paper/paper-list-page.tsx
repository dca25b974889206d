import type { ReactNode } from 'react';
import { PaperList } from '@/components/paper/paper-list';
import { PapersBreadcrumb } from '@/components/paper/papers-breadcrumb';
import type { PaperListItem } from '@/lib/content/index/paper-list';

/** An org's or a tag's papers: breadcrumbs ("Papers / nvidia"), a title, a summary line, its feed if it has one, the list. */
export function PaperListPage({
  crumb,
  title,
  summary,
  feed,
  papers,
}: {
  /** This page in the breadcrumbs: the org, or the tag as `#tag`. */
  crumb: string;
  title: ReactNode;
  summary: ReactNode;
  feed?: { href: string; label: string };
  papers: PaperListItem[];
}) {
  return (
    <div className="mx-auto max-w-3xl pt-10">
      <PapersBreadcrumb>{crumb}</PapersBreadcrumb>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{summary}</p>
      {feed ? (
        <p className="mt-2 text-sm">
          <a href={feed.href} type="application/rss+xml" className="text-blue-700 underline dark:text-blue-400">
            {feed.label}
          </a>
        </p>
      ) : null}
      <PaperList papers={papers} />
    </div>
  );
}
