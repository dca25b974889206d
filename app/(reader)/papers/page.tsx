import type { Metadata } from 'next';
import { PaperFilter } from '@/components/paper-filter';
import { paperListItems } from '@/lib/content/paper-list';
import { getContentIndex } from '@/lib/content/index';

export const metadata: Metadata = { title: 'All papers', description: 'Every paper across all reviews, by organisation.' };

export default function PapersPage() {
  const index = getContentIndex();
  return (
    <div className="mx-auto max-w-3xl pt-10">
      <h1 className="text-3xl font-bold tracking-tight">All papers</h1>
      <p className="mt-2 mb-6 text-slate-600 dark:text-slate-400">
        {index.papers.length} papers from {index.reviews.length} reviews.
      </p>
      <PaperFilter papers={paperListItems(index)} orgs={index.orgs} />
    </div>
  );
}
