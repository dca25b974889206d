import type { Heading, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

export type PaperEntry = {
  /** Stable across reviews: `arxiv:<id>` when known, else `<review slug>#<anchor>`. */
  paperId: string;
  position: number;
  name: string;
  link: string | null;
  arxivId: string | null;
  orgs: string[];
  subtitle: string | null;
  anchor: string;
  line: number;
  /** The first paragraph of the paper's section, as plain text ('' when it has none). */
  excerpt: string;
  /** A project page (the heading's own link when it is not arXiv/Hugging Face) and a code link (the section's first GitHub link). */
  projectUrl: string | null;
  codeUrl: string | null;
};

const arxivPatterns = [
  /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/([^/?#]+)/i,
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/([^?#]+)/i,
];
const arxivId = /^(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?$/;

/** The arXiv id behind a Hugging Face papers or arXiv link, without its version suffix. */
export function arxivIdFromUrl(url: string): string | null {
  for (const pattern of arxivPatterns) {
    const match = pattern.exec(url.trim());
    if (!match) continue;
    const id = arxivId.exec(decodeURIComponent(match[1]!).replace(/\/$/, ''));
    if (id) return id[1]!;
  }
  return null;
}

const numbered = /^\s*(\d+)\s*[.)]\s*/;

/**
 * A paper is an h2 that starts with its number (`## 1. [GDPO](...) \`nvidia\``)
 * or, unnumbered, links straight to a paper; the h3 right after it, if any,
 * is the paper's full title.
 */
export function extractPapers(tree: Root, reviewSlug: string): PaperEntry[] {
  const papers: PaperEntry[] = [];
  const children = tree.children;
  children.forEach((node, index) => {
    if (node.type !== 'heading' || node.depth !== 2) return;
    const paper = readPaperHeading(node);
    if (!paper) return;
    const next = children[index + 1];
    const subtitle = next?.type === 'heading' && next.depth === 3 ? toString(next).trim() || null : null;
    const anchor = String(node.data?.hProperties?.id ?? '');
    papers.push({
      ...paper,
      position: paper.position ?? papers.length + 1,
      paperId: paper.arxivId ? `arxiv:${paper.arxivId}` : `${reviewSlug}#${anchor}`,
      subtitle,
      anchor,
      line: node.position?.start.line ?? 0,
      ...readSection(children.slice(index + 1)),
      projectUrl: paper.link && !paper.arxivId && /^https?:\/\//i.test(paper.link) ? paper.link : null,
    });
  });
  return papers;
}

/** What the section under a paper heading (up to the next h1/h2) says: its first paragraph and first code link. */
function readSection(rest: Root['children']): { excerpt: string; codeUrl: string | null } {
  const end = rest.findIndex((node) => node.type === 'heading' && node.depth <= 2);
  const section = end < 0 ? rest : rest.slice(0, end);
  // A paragraph of prose: an image alone (`![fig](…)`) is not one.
  const proseOf = (node: Root['children'][number]) =>
    node.type === 'paragraph' ? toString({ ...node, children: node.children.filter((child) => child.type !== 'image') }).trim() : '';
  const paragraph = section.find((node) => proseOf(node));
  let codeUrl: string | null = null;
  for (const node of section) {
    if (codeUrl) break;
    const found: string[] = [];
    collectLinks(node, found);
    codeUrl = found.find((url) => /^https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/?#]+/i.test(url)) ?? null;
  }
  return { excerpt: paragraph ? proseOf(paragraph).replace(/\s+/g, ' ') : '', codeUrl };
}

function collectLinks(node: unknown, out: string[]) {
  const n = node as { type?: string; url?: string; children?: unknown[] };
  if (n.type === 'link' && n.url) out.push(n.url);
  for (const child of n.children ?? []) collectLinks(child, out);
}

function readPaperHeading(node: Heading) {
  const orgs = node.children
    .filter((child): child is Extract<PhrasingContent, { type: 'inlineCode' }> => child.type === 'inlineCode')
    .map((child) => child.value.trim())
    .filter(Boolean);
  const link = node.children.find((child) => child.type === 'link');
  const textWithoutBadges = node.children
    .filter((child) => child.type !== 'inlineCode')
    .map((child) => toString(child))
    .join('')
    .trim();
  const number = numbered.exec(textWithoutBadges);
  const url = link?.type === 'link' ? link.url : null;
  const arxiv = url ? arxivIdFromUrl(url) : null;
  if (!number && !arxiv) return null;

  const name =
    link && toString(link).trim()
      ? toString(link).trim()
      : textWithoutBadges
          .replace(numbered, '')
          .replace(/^\[(.*)\]$/s, '$1')
          .trim();
  if (!name) return null;
  return {
    position: number ? Number(number[1]) : null,
    name,
    link: url,
    arxivId: arxiv,
    orgs,
  };
}
