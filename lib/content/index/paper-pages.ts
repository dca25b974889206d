import { getContentIndex, type ContentIndex, type Paper } from '@/lib/content/index/content-index';
import { paperPageId } from '@/lib/content/urls';

/** Every paper by the id of its own page (`/papers/<id>`). Two papers on one id is a content bug the build refuses. */
export function paperPages(index: ContentIndex = getContentIndex()): Map<string, Paper> {
  const pages = new Map<string, Paper>();
  for (const paper of index.papers) {
    const id = paperPageId(paper.paperId);
    const taken = pages.get(id);
    if (taken) throw new Error(`Papers "${taken.paperId}" and "${paper.paperId}" would share the page /papers/${id}.`);
    pages.set(id, paper);
  }
  return pages;
}

export type PaperPage = {
  paper: Paper;
  /** Other papers with an org in common, newest first (at most 10). */
  sameOrg: Paper[];
};

export function paperPage(pageId: string, index: ContentIndex = getContentIndex()): PaperPage | null {
  const paper = paperPages(index).get(pageId);
  if (!paper) return null;
  const sameOrg = index.papers.filter((other) => other !== paper && other.orgs.some((org) => paper.orgs.includes(org))).slice(0, 10);
  return { paper, sameOrg };
}
