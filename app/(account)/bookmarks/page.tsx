import type { Metadata } from 'next';
import { LibraryPageView } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'My bookmarks', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A view of the library with "bookmarked" fixed: old links and bookmarks of this page keep working. */
export default async function BookmarksPage({ searchParams }: Props) {
  return <LibraryPageView basePath="/bookmarks" title="My bookmarks" searchParams={await searchParams} />;
}
