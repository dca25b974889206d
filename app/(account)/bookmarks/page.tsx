import type { Metadata } from 'next';
import { LibraryPageView } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'My bookmarks', robots: { index: false } };

/** A view of the library with "bookmarked" fixed: old links and bookmarks of this page keep working. Prerendered; the list is an island. */
export default function BookmarksPage() {
  return <LibraryPageView basePath="/bookmarks" title="My bookmarks" />;
}
