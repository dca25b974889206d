import 'server-only';
// The reader's highlights as a Readwise CSV import file
// (readwise.io/import_bulk, "CSV"): one row per highlight, the columns
// Readwise's template names. Readwise groups highlights into "books" by
// Title and Author, so each paper becomes a book, and a review's
// introduction one more.
import { stringify } from 'csv-stringify/sync';
import { paperCatalog } from '@/lib/content/index/catalog';
import type { Paper } from '@/lib/content/index/content-index';
import { findReview } from '@/lib/content/index/review-lookup';
import { absoluteSiteUrl, siteConfig } from '@/lib/config/site';
import type { ReaderHighlight } from '@/lib/reader/export/reader-data';

/** Readwise's CSV template, in its order; only Highlight is required. */
export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

/** `2025-11-21 09:30:00`, UTC: the date format of Readwise's template. */
const readwiseDate = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

/**
 * One row per highlight, in reading order within each review. Title is the
 * paper's name (the review's title for its introduction), Author the
 * paper's arXiv authors when synced (else the site), URL the review section
 * the passage is in, Location the passage's character offset in the review
 * (so Readwise keeps reading order), Note the reader's Markdown as written.
 * Cells are not defused for spreadsheets (a leading `=` kept as is): the
 * file is for Readwise, which would import a defusing apostrophe as text.
 */
export function readwiseCsv(highlights: readonly ReaderHighlight[], catalog: ReadonlyMap<string, Paper> = paperCatalog()): string {
  const rows = [...highlights]
    .sort((a, b) => a.review.localeCompare(b.review) || a.positionStart - b.positionStart || a.createdAt.getTime() - b.createdAt.getTime())
    .map((h) => {
      const review = findReview(h.review, catalog);
      const paper = h.paperId === null ? undefined : catalog.get(h.paperId);
      const entry = review?.papers.find((p) => p.paperId === h.paperId);
      const title = paper?.name ?? (h.paperId === null ? (review?.title ?? h.review) : h.paperId);
      const authors = paper?.metadata?.authors.length ? paper.metadata.authors.join(', ') : siteConfig.name;
      const url = review ? absoluteSiteUrl(entry ? `${review.url}#${entry.anchor}` : review.url) : '';
      return [h.quoteExact, title, authors, url, h.note ?? '', String(h.positionStart), readwiseDate(h.createdAt)];
    });
  // RFC 4180: CRLF line ends, quotes doubled; a byte-order mark so spreadsheet apps read UTF-8.
  return stringify(rows, { header: true, columns: [...READWISE_COLUMNS], record_delimiter: 'windows', bom: true });
}
