import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PaperPageView } from '@/components/paper/paper-page';
import { paperPage, paperPages } from '@/lib/content/index/paper-pages';

export const dynamicParams = false;

export function generateStaticParams() {
  return [...paperPages().keys()].map((id) => ({ id }));
}

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']) {
  return paperPage(decodeURIComponent((await params).id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params);
  if (!page) return {};
  const { paper } = page;
  return {
    title: paper.metadata?.title ?? paper.name,
    description: paper.metadata?.abstract.slice(0, 200) ?? paper.subtitle ?? paper.appearances[0]?.excerpt.slice(0, 200) ?? paper.name,
  };
}

export default async function PaperPage({ params }: Props) {
  const page = await load(params);
  if (!page) notFound();
  return <PaperPageView {...page} />;
}
