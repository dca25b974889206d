import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PaperListPage } from '@/components/paper/paper-list-page';
import { getContentIndex } from '@/lib/content/index/content-index';
import { paperListItems } from '@/lib/content/index/paper-list';
import { feedAlternates, orgFeedHref } from '@/lib/feeds/links';

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
  return {
    title: `${org} papers`,
    description: `${papers.length} papers from ${org} reviewed here.`,
    alternates: feedAlternates(org),
  };
}

export default async function OrgPage({ params }: Props) {
  const { org, index, papers } = await papersOf(params);
  if (!papers.length) notFound();
  return (
    <PaperListPage
      crumb={org}
      feed={{ href: orgFeedHref(org), label: `RSS feed of papers from ${org}` }}
      title={`Papers from ${org}`}
      summary={`${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}, newest first.`}
      papers={paperListItems(index, papers)}
    />
  );
}
