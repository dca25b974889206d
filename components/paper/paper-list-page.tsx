import Link from 'next/link';
import type { ReactNode } from 'react';
import { PaperList } from '@/components/paper/paper-list';
import type { PaperListItem } from '@/lib/content/index/paper-list';

/** An org's or a tag's papers: breadcrumb back to all papers, a title, a summary line, the list. */
export function PaperListPage({
  kind,
  title,
  summary,
  papers,
}: {
  kind: string;
  title: ReactNode;
  summary: ReactNode;
  papers: PaperListItem[];
}) {
  return (
    <div className="mx-auto max-w-3xl pt-10">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/papers" className="hover:underline">
          All papers
        </Link>{' '}
        / {kind}
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{summary}</p>
      <PaperList papers={papers} />
    </div>
  );
}
