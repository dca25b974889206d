// `npm run papers:sync`: what arXiv says (title, authors, abstract, dates)
// about every arXiv paper in content/, into content/papers-metadata.json,
// which the build reads (builds never touch the network). Ids already in the
// file are not fetched again. ARXIV_API_URL points the requests elsewhere.
import { buildIndex } from '@/lib/content/index/content-index';
import { contentRoot } from '@/lib/content/source/files';
import { syncPapersMetadata } from '@/lib/content/papers-sync';

const root = contentRoot();
const ids = buildIndex(root, undefined, { drafts: true }).papers.flatMap((paper) => (paper.arxivId ? [paper.arxivId] : []));
try {
  const { fetched, skipped, missing } = await syncPapersMetadata(root, ids, { log: (line) => console.log(line) });
  console.log(
    `papers:sync: ${fetched.length} fetched, ${skipped.length} already known, ${missing.length} unknown to arXiv${missing.length ? ` (${missing.join(', ')})` : ''}`,
  );
} catch (error) {
  console.error(`papers:sync: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
