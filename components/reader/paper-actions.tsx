'use client';

import { BookmarkButton } from './bookmark-button';
import { StatusSelect } from './status-select';

/** Bookmark and reading status under a paper heading, as one island. */
export function PaperActions({ paperId, anchorHref }: { paperId: string; anchorHref: string }) {
  return (
    <>
      <BookmarkButton paperId={paperId} anchorHref={anchorHref} />
      <StatusSelect paperId={paperId} />
    </>
  );
}
