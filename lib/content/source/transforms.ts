import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { ReviewAssets } from '@/lib/content/source/assets';
import { transformAdmonitions } from '@/lib/content/source/directives';
import { slugOf } from '@/lib/content/source/files';
import { reviewUrl } from '@/lib/content/urls';
import type { PaperEntry } from '@/lib/content/source/papers';
import { prepareTree } from '@/lib/content/source/prepare';

/** Where else a paper is reviewed, as the row under its heading links to it. */
export type OtherAppearance = { href: string; title: string; date: string | null };

export type RenderContext = {
  file: string;
  root: string;
  assets: ReviewAssets;
  papers: PaperEntry[];
  alsoIn?: Record<string, OtherAppearance[]>;
};

/**
 * The one remark step the renderer adds on top of the shared syntax: the same
 * heading ids, emoji and prose colons the index computed, paper headings marked for their header row,
 * admonitions, images pointed at the asset route, `.mdx` links turned into URLs.
 */
export function remarkReview(context: RenderContext) {
  return () => (tree: Root) => {
    prepareTree(tree);
    transformAdmonitions(tree);
    markPaperHeadings(tree, context.papers, context.alsoIn ?? {});
    rewriteImages(tree, context.assets);
    rewriteFileLinks(tree, context);
  };
}

function markPaperHeadings(tree: Root, papers: PaperEntry[], alsoIn: Record<string, OtherAppearance[]>) {
  const byLine = new Map(papers.map((paper) => [paper.line, paper]));
  visit(tree, 'heading', (node) => {
    const paper = node.depth === 2 ? byLine.get(node.position?.start.line ?? -1) : undefined;
    if (!paper) return;
    node.data ??= {};
    const others = alsoIn[paper.paperId];
    node.data.hProperties = {
      ...node.data.hProperties,
      dataPaperId: paper.paperId,
      // Controls under the heading name their paper for assistive technology ("Bookmark GDPO").
      dataPaperName: paper.name,
      // hast properties hold strings, so the list travels as JSON to the heading component.
      ...(others?.length ? { dataAlsoIn: JSON.stringify(others) } : {}),
    };
  });
}

function rewriteImages(tree: Root, assets: ReviewAssets) {
  visit(tree, (node) => {
    if (node.type === 'image') {
      const asset = assets.urls[node.url];
      if (!asset) return;
      node.url = asset.src;
      node.data = { ...node.data, hProperties: { width: asset.width, height: asset.height, loading: 'lazy', decoding: 'async' } };
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') {
      // Literal JSX is not routed through MDX `components`, so `<img src={fig}>`
      // gets the resolved URL and intrinsic size written in here.
      const src = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'src');
      if (!src) return;
      const asset =
        typeof src.value === 'string' ? assets.urls[src.value] : src.value ? assets.imports[src.value.value.trim()] : undefined;
      if (!asset) return;
      src.value = asset.src;
      const has = (name: string) => node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === name);
      for (const [name, value] of [
        ['width', String(asset.width)],
        ['height', String(asset.height)],
        ['loading', 'lazy'],
        ['decoding', 'async'],
      ] as const) {
        if (!has(name)) node.attributes.push({ type: 'mdxJsxAttribute', name, value });
      }
    }
  });
}

const fileLink = /^(?![a-z][a-z0-9+.-]*:|\/\/|#)([^?#]+\.mdx?)(#.*)?$/i;

/** Docusaurus lets authors link to a file (`../oct/20251027.mdx#anchor`); readers need its URL. */
export function resolveFileLink(url: string, fromFile: string, root: string): string | null {
  const match = fileLink.exec(url);
  if (!match) return null;
  const target = match[1]!.startsWith('/') ? path.join(root, match[1]!) : path.resolve(path.dirname(fromFile), decodeURI(match[1]!));
  return reviewUrl(slugOf(target, root)) + (match[2] ?? '');
}

function rewriteFileLinks(tree: Root, { file, root }: RenderContext) {
  visit(tree, 'link', (node) => {
    node.url = resolveFileLink(node.url, file, root) ?? node.url;
  });
}
