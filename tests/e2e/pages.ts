import { archiveFolders } from '@/lib/content/index/archive';
import type { ContentIndex } from '@/lib/content/index/content-index';
import { orgHref, paperHref, tagHref } from '@/lib/content/urls';

/** One page of each kind a reader can open signed out: every review, the lists, an org, a tag, a month archive, the paper with the longest name and one without an arXiv id, sign-in, a 404. */
export function publicPages(index: ContentIndex): string[] {
  const months = archiveFolders(index).filter((folder) => folder.split('/').length === 3);
  return [
    '/',
    ...index.reviews.map((review) => review.url),
    '/papers',
    orgHref(index.orgs[0]!.org),
    tagHref(index.tags[0]!.tag),
    `/docs/${months[0]!}`,
    ...new Set(
      [
        [...index.papers].sort((a, b) => b.name.length - a.name.length)[0]!,
        index.papers.find((paper) => !paper.arxivId) ?? index.papers[0]!,
      ].map((paper) => paperHref(paper.paperId)),
    ),
    '/signin',
    '/reset-password',
    '/no-such-page',
  ];
}

/** The pages only a signed-in reader has, on top of the public ones. */
export const readerPages = ['/library', '/bookmarks', '/notes', '/account'];
/** Prerendered shells whose list is an island (GET /api/library): a test waits for the list before looking. */
export const libraryPages = ['/library', '/bookmarks'];
