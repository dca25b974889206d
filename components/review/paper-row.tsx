import { formatDate } from '@/lib/content/index/queries';
import { paperHref } from '@/lib/content/urls';
import type { OtherAppearance } from '@/lib/content/source/transforms';
import { CollectionPicker } from '@/components/reader/collection-picker';
import { PaperActions } from '@/components/reader/paper-actions';
import { PaperNotes } from '@/components/reader/paper-notes';

/**
 * The row under each paper heading. Reader-specific controls (bookmark,
 * status, notes) plug in here as client islands, so the page stays static.
 * The notes sit after the row, not in it: the row is `not-prose`, and notes
 * are Markdown that keeps the article typography (lists with bullets, code,
 * math). Signed out the notes island renders nothing and its slot collapses.
 * Both are `data-no-highlight`: their text differs from reader to reader, so
 * it is not part of the text highlights anchor to (lib/highlights/anchoring.ts).
 */
export function PaperRow({
  paperId,
  paperName,
  anchor,
  alsoIn = [],
}: {
  paperId: string;
  paperName: string;
  anchor: string;
  alsoIn?: OtherAppearance[];
}) {
  const arxivId = paperId.startsWith('arxiv:') ? paperId.slice('arxiv:'.length) : null;
  return (
    <>
      <div className="paper-row not-prose" data-paper-row={paperId} data-no-highlight>
        <PaperActions paperId={paperId} paperName={paperName} anchorHref={`#${anchor}`} />
        <CollectionPicker paperId={paperId} paperName={paperName} />
        <a href={paperHref(paperId)} data-paper-page-link>
          Paper page<span className="sr-only"> of {paperName}</span>
        </a>
        {arxivId ? (
          <>
            <a href={`https://arxiv.org/abs/${arxivId}`} rel="noopener noreferrer">
              arXiv {arxivId}
            </a>
            <a href={`https://arxiv.org/pdf/${arxivId}`} rel="noopener noreferrer">
              PDF<span className="sr-only"> of {paperName}</span>
            </a>
          </>
        ) : null}
        {alsoIn.length ? (
          <span className="also-in">
            Also reviewed in{' '}
            {alsoIn.map((other, i) => (
              <span key={other.href}>
                {i ? ', ' : ''}
                <a href={other.href}>{other.title}</a>
                {other.date ? ` (${formatDate(other.date)})` : ''}
              </span>
            ))}
          </span>
        ) : null}
      </div>
      <div className="-mt-3 mb-5 empty:hidden" data-no-highlight>
        <PaperNotes paperId={paperId} />
      </div>
    </>
  );
}
