import { PaperActions } from './reader/paper-actions';
import { PaperNotes } from './reader/paper-notes';

/**
 * The row under each paper heading. Reader-specific controls (bookmark,
 * status, notes) plug in here as client islands, so the page stays static.
 */
export function PaperRow({ paperId, anchor }: { paperId: string; anchor: string }) {
  const arxivId = paperId.startsWith('arxiv:') ? paperId.slice('arxiv:'.length) : null;
  return (
    <div className="paper-row not-prose" data-paper-row={paperId}>
      <PaperActions paperId={paperId} anchorHref={`#${anchor}`} />
      {arxivId ? (
        <>
          <a href={`https://arxiv.org/abs/${arxivId}`} rel="noopener noreferrer">
            arXiv {arxivId}
          </a>
          <a href={`https://arxiv.org/pdf/${arxivId}`} rel="noopener noreferrer">
            PDF
          </a>
        </>
      ) : null}
      <div className="basis-full">
        <PaperNotes paperId={paperId} />
      </div>
    </div>
  );
}
