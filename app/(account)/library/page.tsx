import type { Metadata } from 'next';
import { LibraryPageView } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'My library', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LibraryPage({ searchParams }: Props) {
  return <LibraryPageView basePath="/library" title="My library" searchParams={await searchParams} />;
}
