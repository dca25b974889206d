'use client';

import { BookmarkButton } from '@/components/reader/bookmark-button';
import { StatusSelect } from '@/components/reader/status-select';

/** Bookmark and reading status under a paper heading, as one island. */
export function PaperActions({ paperId, paperName, anchorHref }: { paperId: string; paperName: string; anchorHref: string }) {
  return (
    <>
      <BookmarkButton paperId={paperId} paperName={paperName} anchorHref={anchorHref} />
      <StatusSelect paperId={paperId} paperName={paperName} />
    </>
  );
}
