// Markdown export of the reader's papers. Pure (no database, no
// 'server-only'): the unit tests pin the exact text, the route streams it.
import { readingStatusLabels, type ReadingStatusValue } from '@/lib/reader/shared';
import { siteConfig } from '@/lib/config/site';
import type { PaperMetadata } from '@/lib/content/papers-metadata';

export type ExportNote = { body: string; createdAt: Date; updatedAt: Date };

/** A highlight as the exports see it: the quote, the reader's note, and where to find the passage. */
export type ExportHighlight = {
  id: string;
  quote: string;
  note: string | null;
  color: string;
  /** Absolute URL of the passage (the review's URL with `#hl-<id>`), null when the review is gone. */
  url: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** One paper as every export format sees it: content facts plus the reader's own data. */
export type ExportPaper = {
  paperId: string;
  /** The heading's name; the paperId when the paper is in no review any more. */
  name: string;
  orgs: string[];
  arxivId: string | null;
  reviewTitle: string | null;
  /** Absolute URL (site origin + /docs/…#anchor), null when the paper is in no review any more. */
  reviewUrl: string | null;
  bookmarkedAt: Date | null;
  status: ReadingStatusValue | null;
  /** Oldest first. */
  notes: ExportNote[];
  /** The reader's highlights on the paper, in reading order; absent means none. */
  highlights?: ExportHighlight[];
  /** arXiv's title, authors and dates when synced (BibTeX uses them). */
  metadata?: PaperMetadata | null;
};

/**
 * Backslash-escapes what Markdown would read as syntax in a paper name or
 * link text. CommonMark lets any ASCII punctuation be escaped, so erring
 * on the side of escaping is harmless; `-` and `.` are left alone because
 * they only matter at the start of a line, where a name never is.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>()#+!|~&$]/g, '\\$&');
}

/** Inline code that survives backticks in the text (a longer fence than any run inside). */
function inlineCode(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Link destinations with spaces or parentheses would end the link early. */
function linkUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function minute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The longest run of backticks in `text` (0 when there is none). */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/**
 * The note as written, in a fenced code block whose fence is longer than any
 * run of backticks inside it, so nothing the note holds can close it. Inside
 * a code block nothing is markup: an unclosed `<!--`, `<pre>`, `<textarea>`,
 * fence or `$$` stays text instead of swallowing every later section of the
 * file, in any CommonMark renderer, raw HTML allowed or not. Line endings
 * become \n (a lone \r is a line break to Markdown but not to every editor);
 * the JSON export keeps the exact bytes.
 */
function noteBlock(body: string): string {
  const text = body.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}markdown\n${text}\n${fence}\n`;
}

/**
 * A highlighted passage as a Markdown blockquote: whitespace inside a
 * paragraph collapsed, paragraphs kept apart, and what Markdown would read
 * as syntax escaped, so the quote reads as the page showed it.
 */
export function quoteBlock(quote: string): string {
  const paragraphs = quote
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => escapeMarkdown(p))
    .filter(Boolean)
    // A paragraph starting with `-`, `1.` or `=` would become a list or a heading underline.
    .map((p) => p.replace(/^([-=]|\d+[.)])/, '\\$1'));
  return paragraphs.map((p) => `> ${p}`).join('\n>\n');
}

/**
 * Raw HTML and block constructs that, left unclosed, would swallow every
 * later section of the file (see noteBlock). A highlight's note without any
 * of them goes in as Markdown, to be read in Obsidian as written; one with
 * them goes in a code block like notes.
 */
const UNSAFE_IN_MARKDOWN = /<|^\s*(`{3,}|~{3,}|\$\$)/m;

function highlightNote(note: string): string {
  const text = note.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return UNSAFE_IN_MARKDOWN.test(text) ? noteBlock(text) : `${text}\n`;
}

/** One highlight: the quote as a blockquote, a link to the passage, the note under it. */
export function highlightSection(highlight: ExportHighlight): string {
  const link = highlight.url
    ? `\n>\n> [${minute(highlight.createdAt)}](${linkUrl(highlight.url)})`
    : `\n>\n> ${minute(highlight.createdAt)}`;
  const note = highlight.note ? `\n${highlightNote(highlight.note)}` : '';
  return `\n${quoteBlock(highlight.quote)}${link}\n${note}`;
}

function section(paper: ExportPaper): string {
  const lines: string[] = [`## ${escapeMarkdown(paper.name)}`, ''];
  if (paper.orgs.length > 0) lines.push(paper.orgs.map(inlineCode).join(' '), '');
  if (paper.reviewUrl) lines.push(`- Review: [${escapeMarkdown(paper.reviewTitle ?? paper.name)}](${linkUrl(paper.reviewUrl)})`);
  else lines.push(`- Review: none (\`${paper.paperId.replace(/`/g, '')}\` is no longer in any review)`);
  if (paper.arxivId) lines.push(`- arXiv: [${paper.arxivId}](https://arxiv.org/abs/${paper.arxivId})`);
  lines.push(`- Status: ${paper.status ? readingStatusLabels[paper.status] : 'Not set'}`);
  if (paper.bookmarkedAt) lines.push(`- Bookmarked: ${day(paper.bookmarkedAt)}`);
  lines.push('');
  return lines.join('\n') + highlightsAndNotes(paper.highlights ?? [], paper.notes);
}

/** A paper's "Highlights" (blockquotes, notes under them) and "Notes" (code blocks) subsections. */
function highlightsAndNotes(highlights: readonly ExportHighlight[], notes: readonly ExportNote[]): string {
  let text = '';
  if (highlights.length > 0) {
    text += '\n### Highlights\n';
    for (const highlight of highlights) text += highlightSection(highlight);
  }
  if (notes.length > 0) {
    text += '\n### Notes\n';
    for (const note of notes) {
      const edited = note.updatedAt.getTime() !== note.createdAt.getTime() ? ` (edited ${minute(note.updatedAt)})` : '';
      text += `\n#### ${minute(note.createdAt)}${edited}\n\n${noteBlock(note.body)}`;
    }
  }
  return text;
}

/** One group of the notebook export: a paper, or a review's introduction. */
export type NotebookExportGroup = {
  /** The paper's name, or "<review title>: introduction". */
  title: string;
  orgs: string[];
  /** The review section (absolute URL), null when no review has it any more. */
  reviewUrl: string | null;
  reviewTitle: string | null;
  highlights: ExportHighlight[];
  notes: ExportNote[];
};

/**
 * Everything the reader wrote, as /notes groups it (by paper in review order,
 * a review's introduction before its papers): a highlight-only paper that is
 * in no library view is here too. One chunk per group.
 */
export function* notebookMarkdownChunks(groups: readonly NotebookExportGroup[], exportedAt: Date): Generator<string> {
  const highlights = groups.reduce((n, g) => n + g.highlights.length, 0);
  const notes = groups.reduce((n, g) => n + g.notes.length, 0);
  const counts = `${highlights} ${highlights === 1 ? 'highlight' : 'highlights'}, ${notes} ${notes === 1 ? 'note' : 'notes'}`;
  yield `# ${siteConfig.name}: my notes and highlights\n\nExported ${day(exportedAt)} · ${counts}\n`;
  for (const group of groups) {
    const lines: string[] = [`## ${escapeMarkdown(group.title)}`, ''];
    if (group.orgs.length > 0) lines.push(group.orgs.map(inlineCode).join(' '), '');
    if (group.reviewUrl) lines.push(`- Review: [${escapeMarkdown(group.reviewTitle ?? group.title)}](${linkUrl(group.reviewUrl)})`, '');
    yield `\n${lines.join('\n')}${highlightsAndNotes(group.highlights, group.notes)}`;
  }
}

/** The .md file, one chunk per paper so the route can stream it; `title` says what was exported. */
export function* markdownChunks(papers: readonly ExportPaper[], exportedAt: Date, title = 'bookmarked papers'): Generator<string> {
  const count = `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}`;
  yield `# ${siteConfig.name}: ${escapeMarkdown(title)}\n\nExported ${day(exportedAt)} · ${count}\n`;
  for (const paper of papers) yield `\n${section(paper)}`;
}

export function toMarkdown(papers: readonly ExportPaper[], exportedAt: Date): string {
  return [...markdownChunks(papers, exportedAt)].join('');
}
