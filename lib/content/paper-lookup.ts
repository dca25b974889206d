import { getContentIndex, type Paper } from './index';

/** A paper by id with the appearance to link to (the newest review that discusses it). */
export function lookupPaper(paperId: string): (Paper & { href: string; reviewTitle: string; date: string | null }) | null {
  const paper = getContentIndex().byPaperId.get(paperId);
  const appearance = paper?.appearances[0];
  if (!paper || !appearance) return null;
  return { ...paper, href: `${appearance.reviewUrl}#${appearance.anchor}`, reviewTitle: appearance.reviewTitle, date: appearance.date };
}
