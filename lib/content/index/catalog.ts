import { HttpError } from '@/lib/http/errors';
import { readBuildOutput } from '@/lib/config/build-output';
import { getContentIndex, type ContentIndex, type Paper } from '@/lib/content/index/content-index';

export const PAPER_CATALOG_FILE = 'paper-catalog.json';

type CatalogFile = { version: 1; papers: Paper[] };

/** What `npm run build` writes: every published paper with its appearances, no MDX. */
export function paperCatalogFile(index: Pick<ContentIndex, 'papers'>): CatalogFile {
  return { version: 1, papers: index.papers };
}

let cached: ReadonlyMap<string, Paper> | null = null;

/**
 * Every paper by id, for code that runs per request (the reader API, /bookmarks,
 * /notes, exports). A production server reads the catalog the build wrote
 * instead of parsing every review on its first request, which is what a
 * serverless cold start would otherwise pay (seconds at a few hundred
 * reviews). Development, and a build without the catalog, use the live index.
 */
export function paperCatalog(): ReadonlyMap<string, Paper> {
  if (process.env.NODE_ENV !== 'production') return getContentIndex().byPaperId;
  if (!cached) {
    const file = readBuildOutput<CatalogFile>(PAPER_CATALOG_FILE);
    cached = file?.version === 1 ? new Map(file.papers.map((paper) => [paper.paperId, paper])) : getContentIndex().byPaperId;
  }
  return cached;
}

/** A paper id no review here knows: the reader can only act on papers in the catalog. */
export class UnknownPaperError extends HttpError {
  constructor(paperId: string) {
    super(404, `Unknown paper "${paperId}": it is not in any review.`);
  }
}

export function assertKnownPaper(paperId: string): void {
  if (!paperCatalog().has(paperId)) throw new UnknownPaperError(paperId);
}
