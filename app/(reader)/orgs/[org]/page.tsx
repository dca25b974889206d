import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PaperList } from '@/components/paper/paper-list';
import { getContentIndex } from '@/lib/content/index/content-index';
import { paperListItems } from '@/lib/content/index/paper-list';

export const dynamicParams = false;

export function generateStaticParams() {
  return getContentIndex().orgs.map(({ org }) => ({ org }));
}

type Props = { params: Promise<{ org: string }> };

async function papersOf(params: Props['params']) {
  const org = decodeURIComponent((await params).org);
  const index = getContentIndex();
  return { org, index, papers: index.papers.filter((paper) => paper.orgs.includes(org)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, papers } = await papersOf(params);
  return { title: `${org} papers`, description: `${papers.length} papers from ${org} reviewed here.` };
}

export default async function OrgPage({ params }: Props) {
  const { org, index, papers } = await papersOf(params);
  if (!papers.length) notFound();
  return (
    <div className="mx-auto max-w-3xl pt-10">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/papers" className="hover:underline">
          All papers
        </Link>{' '}
        / org
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">Papers from {org}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        {papers.length} {papers.length === 1 ? 'paper' : 'papers'}, newest first.
      </p>
      <PaperList papers={paperListItems(index, papers)} />
    </div>
  );
}
