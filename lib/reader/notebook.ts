import 'server-only';
// /notes, the reader's notebook: their notes and highlights together, grouped
// by paper in the order the reviews present them (newest review first, its
// introduction's highlights before its first paper), paged by item so a page
// is bounded however the items are spread.
import { paperCatalog } from '@/lib/content/index/catalog';
import type { Paper } from '@/lib/content/index/content-index';
import { findReview, reviewSummaries, type ReviewSummary } from '@/lib/content/index/review-lookup';
import { getDb } from '@/lib/db/connection';
import { pageWindow } from '@/lib/db/query-helpers';
import { HIGHLIGHT_SELECT, locateHighlight, type HighlightRecord } from '@/lib/reader/highlights';
import type { NoteRecord } from '@/lib/reader/notes';

export type NotebookHighlight = HighlightRecord & {
  /** The quote is no longer in its review (checked on the server, whitespace aside): listed, never deleted. */
  gone: boolean;
  /** The passage on the review page (`<review url>#hl-<id>`); null when the review itself is gone. */
  href: string | null;
  /** The review it was made in. */
  reviewTitle: string | null;
};

export type NotebookGroup = {
  /** The paper's id, or `review:<slug>` for a review's introduction. */
  key: string;
  paperId: string | null;
  /** Set for a review's introduction. */
  review: ReviewSummary | null;
  /** This page's highlights in the group, in reading order. */
  highlights: NotebookHighlight[];
  /** This page's notes in the group, oldest first. */
  notes: NoteRecord[];
  /** The group's highlights and notes in all, on every page. */
  highlightCount: number;
  noteCount: number;
  /** The group began on an earlier page. */
  continued: boolean;
};

/** A highlight's review ('' for notes), position in it (0 for notes) and creation time order items inside a group. */
type Item = { kind: 'note' | 'highlight'; id: string; group: string; review: string; position: number; at: number };

/**
 * Where each notebook group (a paperId, or `review:<slug>` for an
 * introduction) goes: [review rank, place in the review, key]; groups of
 * papers no review has any more go last. Compare keys with compareGroupKeys.
 */
export function notebookGroupOrder(catalog: ReadonlyMap<string, Paper>) {
  const reviews = [...reviewSummaries(catalog).values()].sort(
    (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.slug.localeCompare(a.slug),
  );
  const rank = new Map(reviews.map((r, i) => [r.slug, i]));
  return (group: string): [number, number, string] => {
    if (group.startsWith('review:')) {
      const slug = group.slice('review:'.length);
      const r = rank.get(slug) ?? (findReview(slug, catalog) ? reviews.length : undefined);
      return r === undefined ? [Infinity, 0, group] : [r, -1, group];
    }
    const newest = catalog.get(group)?.appearances[0];
    const r = newest ? rank.get(newest.reviewSlug) : undefined;
    return r === undefined || !newest ? [Infinity, 0, group] : [r, newest.position, group];
  };
}

export const compareGroupKeys = (a: [number, number, string], b: [number, number, string]) =>
  a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);

/**
 * One page of the notebook: `pageSize` items (highlights and notes), grouped.
 * Ordering reads ids, groups and positions only; quotes and bodies are read
 * for this page's items alone. total = the reader's notes and highlights.
 */
export async function listNotebookPage(
  userId: string,
  opts: { page: number; pageSize: number },
): Promise<{ groups: NotebookGroup[]; total: number }> {
  const { take, skip } = pageWindow(opts);
  const db = await getDb();
  const [noteRows, highlightRows] = await Promise.all([
    db.note.findMany({ where: { userId }, select: { id: true, paperId: true, createdAt: true } }),
    db.highlight.findMany({ where: { userId }, select: { id: true, review: true, paperId: true, positionStart: true, createdAt: true } }),
  ]);
  // Within a group: highlights in reading order (by review, then position), then notes oldest first.
  const items: Item[] = [
    ...highlightRows.map((h) => ({
      kind: 'highlight' as const,
      id: h.id,
      group: h.paperId ?? `review:${h.review}`,
      position: h.positionStart,
      at: h.createdAt.getTime(),
      review: h.review,
    })),
    ...noteRows.map((n) => ({ kind: 'note' as const, id: n.id, group: n.paperId, position: 0, at: n.createdAt.getTime(), review: '' })),
  ];
  const catalog = paperCatalog();
  const orderOf = notebookGroupOrder(catalog);
  const keys = new Map<string, [number, number, string]>();
  const keyOf = (group: string) => {
    let key = keys.get(group);
    if (!key) keys.set(group, (key = orderOf(group)));
    return key;
  };
  items.sort(
    (a, b) =>
      compareGroupKeys(keyOf(a.group), keyOf(b.group)) ||
      (a.kind === b.kind ? 0 : a.kind === 'highlight' ? -1 : 1) ||
      a.review.localeCompare(b.review) ||
      a.position - b.position ||
      a.at - b.at ||
      (a.id < b.id ? -1 : 1),
  );
  const counts = new Map<string, number>();
  const countKey = (group: string, kind: Item['kind']) => `${kind}\u0000${group}`;
  for (const item of items) counts.set(countKey(item.group, item.kind), (counts.get(countKey(item.group, item.kind)) ?? 0) + 1);
  const pageItems = items.slice(skip, skip + take);
  if (pageItems.length === 0) return { groups: [], total: items.length };

  const [notes, highlights] = await Promise.all([
    db.note.findMany({
      where: { userId, id: { in: pageItems.filter((i) => i.kind === 'note').map((i) => i.id) } },
      select: { id: true, paperId: true, body: true, createdAt: true, updatedAt: true },
    }),
    db.highlight.findMany({
      where: { userId, id: { in: pageItems.filter((i) => i.kind === 'highlight').map((i) => i.id) } },
      select: HIGHLIGHT_SELECT,
    }),
  ]);
  const noteById = new Map(notes.map((n) => [n.id, n]));
  const highlightById = new Map(highlights.map((h) => [h.id, h]));
  const firstOnPage = skip;
  const groups: NotebookGroup[] = [];
  for (const [i, item] of pageItems.entries()) {
    let group = groups[groups.length - 1];
    if (group?.key !== item.group) {
      const continued = firstOnPage + i > 0 && items[firstOnPage + i - 1]!.group === item.group;
      const introOf = item.group.startsWith('review:') ? item.group.slice('review:'.length) : null;
      group = {
        key: item.group,
        paperId: introOf === null ? item.group : null,
        review:
          introOf === null ? null : (findReview(introOf, catalog) ?? { slug: introOf, url: '', title: introOf, date: null, papers: [] }),
        highlights: [],
        notes: [],
        highlightCount: counts.get(countKey(item.group, 'highlight')) ?? 0,
        noteCount: counts.get(countKey(item.group, 'note')) ?? 0,
        continued,
      };
      groups.push(group);
    }
    // An item deleted between the two queries is left out rather than shown empty.
    if (item.kind === 'note') {
      const note = noteById.get(item.id);
      if (note) group.notes.push(note);
    } else {
      const h = highlightById.get(item.id);
      if (!h) continue;
      group.highlights.push({ ...h, ...locateHighlight(h, catalog) });
    }
  }
  return { groups, total: items.length };
}
