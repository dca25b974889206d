// BibTeX export of the reader's papers. Pure (no database, no 'server-only'):
// the unit tests pin the exact text, and the export route streams it.

/** What a BibTeX entry needs to know about one paper. */
export type BibtexPaper = {
  paperId: string;
  name: string;
  arxivId: string | null;
  /** Absolute URL of the review section, or null when the paper is in no review any more. */
  reviewUrl: string | null;
  /** What arXiv says (content/papers-metadata.json): the real title, the authors, the year of the first version. */
  metadata?: { title: string; authors: string[]; published: string } | null;
};

const newStyleId = /^(\d{2})(\d{2})\.\d{4,5}$/;
const oldStyleId = /^[a-z-]+(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3}$/;

/**
 * The submission year encoded in an arXiv id: 2510.12345 → 2025,
 * cs/0112017 → 2001. Old-style ids ran from 1991 to March 2007, so a
 * two-digit year of 91–99 is the 1900s. null for anything else.
 */
export function arxivYear(arxivId: string): number | null {
  const modern = newStyleId.exec(arxivId);
  if (modern) return 2000 + Number(modern[1]);
  const old = oldStyleId.exec(arxivId);
  if (!old) return null;
  const yy = Number(old[1]);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/**
 * A citation key that depends only on the arXiv id, so the same paper gets
 * the same key in every export, whatever else was selected:
 * 2510.12345 → arxiv2510_12345, cs/0112017 → arxivcs_0112017.
 * Only [A-Za-z0-9_]: BibTeX and biber both accept that everywhere.
 */
export function citationKey(arxivId: string): string {
  return `arxiv${arxivId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

const specials: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Escapes text for a brace-delimited BibTeX field. Non-ASCII stays as UTF-8
 * (biber and modern LaTeX read it). BibTeX counts braces even after a
 * backslash, so a matched pair becomes \{ … \} (still balanced), while an
 * unmatched brace becomes \textbraceleft{} / \textbraceright{}, which cannot
 * end the field early.
 */
export function escapeBibtex(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const matched = new Set<number>();
  const open: number[] = [];
  chars.forEach((char, i) => {
    if (char === '{') open.push(i);
    else if (char === '}' && open.length > 0) {
      matched.add(open.pop()!);
      matched.add(i);
    }
  });
  return chars
    .map((char, i) => {
      if (char === '{') return matched.has(i) ? '\\{' : '\\textbraceleft{}';
      if (char === '}') return matched.has(i) ? '\\}' : '\\textbraceright{}';
      return specials[char] ?? char;
    })
    .join('');
}

/** `%` comment text: one line, and no `@`, which BibTeX would take for the start of an entry even in a comment. */
function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/@/g, '(at)');
}

function entry(paper: BibtexPaper & { arxivId: string }, key: string): string {
  const meta = paper.metadata;
  const year = meta ? Number(meta.published.slice(0, 4)) : arxivYear(paper.arxivId);
  const fields: [string, string][] = [
    // The extra braces keep BibTeX styles from lower-casing the title.
    ['title', `{${escapeBibtex(meta?.title ?? paper.name)}}`],
    ...(meta?.authors.length ? [['author', meta.authors.map(escapeBibtex).join(' and ')] as [string, string]] : []),
    ['eprint', paper.arxivId],
    ['archivePrefix', 'arXiv'],
    ['url', `https://arxiv.org/abs/${paper.arxivId}`],
  ];
  if (year !== null) fields.push(['year', String(year)]);
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}

/**
 * The .bib file, one chunk per paper, so the route can stream it. Papers
 * without an arXiv id get no entry but are listed in a comment block at the
 * top (never dropped silently); a paper listed twice gets one entry.
 */
export function* bibtexChunks(papers: readonly BibtexPaper[]): Generator<string> {
  const withoutArxiv = papers.filter((paper) => !paper.arxivId);
  if (withoutArxiv.length > 0) {
    const lines = withoutArxiv.map(
      (paper) => `%   ${commentText(paper.name)}: ${commentText(paper.reviewUrl ?? `${paper.paperId} (no longer in any review)`)}`,
    );
    yield `% Papers without an arXiv id (no BibTeX entry):\n${lines.join('\n')}\n\n`;
  }
  const seenIds = new Set<string>();
  const usedKeys = new Set<string>();
  let first = true;
  for (const paper of papers) {
    if (!paper.arxivId || seenIds.has(paper.arxivId)) continue;
    seenIds.add(paper.arxivId);
    // Distinct valid ids never collide after the character mapping; the suffix is only a safety net.
    let key = citationKey(paper.arxivId);
    for (let n = 2; usedKeys.has(key); n++) key = `${citationKey(paper.arxivId)}_${n}`;
    usedKeys.add(key);
    yield `${first ? '' : '\n'}${entry({ ...paper, arxivId: paper.arxivId }, key)}`;
    first = false;
  }
}

export function toBibtex(papers: readonly BibtexPaper[]): string {
  return [...bibtexChunks(papers)].join('');
}
