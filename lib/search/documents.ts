import { readFileSync } from 'node:fs';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import type { ContentIndex, Review } from '@/lib/content/index/content-index';
import { prepareTree } from '@/lib/content/source/prepare';
import { headingText } from '@/lib/content/source/slugs';
import { parseMarkdown } from '@/lib/content/source/markdown';
import { rememberedParse } from '@/lib/content/source/parsed-memory';
import { formatOf, preprocess } from '@/lib/content/source/syntax';
import { normalize } from '@/lib/search/tokenize';
import { paperHref } from '@/lib/content/urls';

export type SearchDocumentKind = 'review' | 'paper' | 'section';

/** One searchable unit; `id` is the URL it opens, anchor included. */
export type SearchDocument = {
  id: string;
  kind: SearchDocumentKind;
  /** Paper name, heading text or review title. */
  title: string;
  /** A paper's full title (the h3 under its h2). */
  subtitle: string;
  /** Org badges, space-separated. */
  orgs: string;
  /** The review's title (also on paper and section documents, so `11월 리뷰` finds them). */
  review: string;
  date: string;
  text: string;
  /** A paper's own page (`/papers/<id>`), on paper documents only. */
  page?: string;
};

export type Section = { heading: Heading | null; id: string; depth: number; nodes: RootContent[] };

export function parseTree(raw: string, file: string): Root {
  // The content index's own parser, so heading ids are exactly its anchors.
  const tree = parseMarkdown(preprocess(raw), formatOf(file));
  prepareTree(tree);
  return tree;
}

/** Top-level nodes grouped under the heading before them; the first group (no heading) is the preamble. */
export function splitSections(tree: Root): Section[] {
  const sections: Section[] = [{ heading: null, id: '', depth: 0, nodes: [] }];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      sections.push({ heading: node, id: String(node.data?.hProperties?.id ?? ''), depth: node.depth, nodes: [] });
    } else {
      sections[sections.length - 1]!.nodes.push(node);
    }
  }
  return sections;
}

// Nothing a reader would search for: code, TeX, imports, JSX expressions, raw HTML.
const skipped = new Set([
  'code',
  'math',
  'inlineMath',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'yaml',
  'toml',
  'html',
  'image',
  'imageReference',
  'definition',
]);
// Children of these are blocks; a newline between them keeps words (and bigrams) apart.
const blockParents = new Set([
  'root',
  'blockquote',
  'list',
  'listItem',
  'containerDirective',
  'mdxJsxFlowElement',
  'footnoteDefinition',
  'table',
]);

/** Readable plain text of mdast nodes, blocks on their own lines. */
export function plainText(nodes: readonly Nodes[]): string {
  return nodes
    .map(textOf)
    .filter((text) => text.trim())
    .join('\n');
}

function textOf(node: Nodes): string {
  if (skipped.has(node.type)) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (!('children' in node)) return '';
  const children = node.children as Nodes[];
  if (blockParents.has(node.type)) return plainText(children);
  // `|` rather than a space between cells, so no bigram spans two cells.
  if (node.type === 'tableRow') return children.map(textOf).join(' | ');
  return children.map(textOf).join('');
}

/** The review's search documents: its title, each paper appearance, each other heading. */
export function reviewDocuments(review: Review, tree: Root): SearchDocument[] {
  const sections = splitSections(tree);
  const papers = new Map(review.papers.map((paper) => [paper.anchor, paper]));
  const date = review.date ?? '';
  const base = { review: review.title, date, subtitle: '', orgs: '' };
  const intro: RootContent[] = [];
  const docs: SearchDocument[] = [];

  let paperDoc: SearchDocument | null = null;
  let paperNodes: RootContent[] = [];
  const closePaper = () => {
    if (paperDoc) docs.push({ ...paperDoc, text: normalize(plainText(paperNodes)) });
    paperDoc = null;
    paperNodes = [];
  };

  for (const section of sections) {
    const { heading } = section;
    if (heading && heading.depth <= 2) closePaper();
    const paper = heading?.depth === 2 ? papers.get(section.id) : undefined;
    if (paper) {
      paperDoc = {
        ...base,
        id: `${review.url}#${paper.anchor}`,
        kind: 'paper',
        title: normalize(paper.name),
        subtitle: normalize(paper.subtitle ?? ''),
        orgs: paper.orgs.join(' '),
        text: '',
        page: paperHref(paper.paperId),
      };
      paperNodes = [...section.nodes];
    } else if (paperDoc) {
      // Subsections belong to the paper; its h3 subtitle is already a field.
      const isSubtitle = heading?.depth === 3 && paperNodes.length === 0 && normalize(headingText(heading)) === paperDoc.subtitle;
      if (heading && !isSubtitle) paperNodes.push(heading);
      paperNodes.push(...section.nodes);
    } else if (!heading || heading.depth === 1) {
      intro.push(...section.nodes);
    } else {
      docs.push({
        ...base,
        id: `${review.url}#${section.id}`,
        kind: 'section',
        title: normalize(headingText(heading)),
        text: normalize(plainText(section.nodes)),
      });
    }
  }
  closePaper();

  const introText = plainText(intro);
  // Without front matter the description is the intro's first paragraph (maybe cut with `…`): no need to store it twice.
  const description = introText.includes(review.description.replace(/…$/, '')) ? '' : review.description;
  const about = [description, review.tags.join(' '), introText].filter(Boolean).join('\n');
  docs.unshift({ ...base, id: review.url, kind: 'review', title: normalize(review.title), review: '', text: normalize(about) });
  return docs;
}

/**
 * Every search document of the site. The content index keeps no trees, but
 * the parse that made each review also made its documents
 * (lib/content/source/parsed-file.ts): they are taken from there while the
 * file is unchanged, and a file edited since is read and parsed here.
 */
export function buildSearchDocuments(index: Pick<ContentIndex, 'reviews'>): SearchDocument[] {
  return index.reviews
    .filter((review) => review.parsed)
    .flatMap((review) => {
      const raw = readFileSync(review.file, 'utf8');
      return rememberedParse(review.file, raw, review.slug)?.documents ?? reviewDocuments(review, parseTree(raw, review.file));
    });
}
