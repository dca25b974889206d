import { HttpError } from '@/lib/http/errors';
import { readBuildOutput } from '@/lib/config/build-output';
import { getContentIndex, type ContentIndex, type Paper } from '@/lib/content/index/content-index';
import { tagSlug } from '@/lib/content/urls';

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

const choiceOrder = new Intl.Collator('ko', { numeric: true, sensitivity: 'base' });

/** Every org and tag of a published paper, sorted: the library's filter choices, the same for every reader (built into its page). */
export function catalogFilterChoices(catalog: ReadonlyMap<string, Paper> = paperCatalog()): { orgs: string[]; tags: string[] } {
  const orgs = new Set<string>();
  const tags = new Map<string, string>();
  for (const paper of catalog.values()) {
    for (const org of paper.orgs) orgs.add(org);
    for (const appearance of paper.appearances)
      for (const tag of appearance.tags ?? []) if (!tags.has(tagSlug(tag))) tags.set(tagSlug(tag), tag);
  }
  return { orgs: [...orgs].sort(choiceOrder.compare), tags: [...tags.values()].sort(choiceOrder.compare) };
}
