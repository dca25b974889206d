'use client';

import { BookmarkButton } from './bookmark-button';
import { PaperNotes } from './paper-notes';
import { StatusSelect } from './status-select';

/** Everything reader-specific under a paper heading, as one island. */
export function PaperActions({ paperId, anchorHref }: { paperId: string; anchorHref: string }) {
  return (
    <>
      <BookmarkButton paperId={paperId} anchorHref={anchorHref} />
      <StatusSelect paperId={paperId} />
      <div className="basis-full">
        <PaperNotes paperId={paperId} />
      </div>
    </>
  );
}
