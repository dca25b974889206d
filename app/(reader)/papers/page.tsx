import type { Metadata } from 'next';
import Link from 'next/link';
import { PaperFilter } from '@/components/paper/paper-filter';
import { orgHref, tagHref } from '@/lib/content/urls';
import { paperListItems } from '@/lib/content/index/paper-list';
import { getContentIndex } from '@/lib/content/index/content-index';

export const metadata: Metadata = { title: 'All papers', description: 'Every paper across all reviews, by organisation.' };

export default function PapersPage() {
  const index = getContentIndex();
  return (
    <div className="mx-auto max-w-3xl pt-10">
      <h1 className="text-3xl font-bold tracking-tight">All papers</h1>
      <p className="mt-2 mb-6 text-slate-600 dark:text-slate-400">
        {index.papers.length} papers from {index.reviews.length} reviews.
      </p>
      <nav aria-label="Browse by organisation and tag" className="mb-8 space-y-2 text-sm">
        <p className="flex flex-wrap items-baseline gap-2">
          <span className="text-slate-500 dark:text-slate-400">Orgs:</span>
          {index.orgs.map(({ org, count }) => (
            <Link key={org} href={orgHref(org)} className="hover:underline">
              {org} <span className="text-slate-500 dark:text-slate-400">({count})</span>
            </Link>
          ))}
        </p>
        {index.tags.length ? (
          <p className="flex flex-wrap items-baseline gap-2">
            <span className="text-slate-500 dark:text-slate-400">Tags:</span>
            {index.tags.map(({ tag, count }) => (
              <Link key={tag} href={tagHref(tag)} className="hover:underline">
                #{tag} <span className="text-slate-500 dark:text-slate-400">({count})</span>
              </Link>
            ))}
          </p>
        ) : null}
      </nav>
      <PaperFilter papers={paperListItems(index)} orgs={index.orgs} />
    </div>
  );
}
