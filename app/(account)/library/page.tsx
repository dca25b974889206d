import type { Metadata } from 'next';
import { LibraryPageView } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'My library', robots: { index: false } };

/** Prerendered; the list is an island that asks GET /api/library for the address's filters. */
export default function LibraryPage() {
  return <LibraryPageView basePath="/library" title="My library" />;
}
