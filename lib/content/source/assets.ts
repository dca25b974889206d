import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { componentForImport, unknownImportMessage, type MdxComponentName } from '@/lib/content/source/components';
import type { ContentProblem } from '@/lib/content/source/problems';

/** What an `import img from './asset/x.png'` evaluates to in a review. */
export type Asset = { src: string; width: number; height: number };

export type ReviewAssets = {
  /** Identifier bound by an ESM import → asset. */
  imports: Record<string, Asset>;
  /** Relative URL as written in `![](...)` or `<img src="...">` → asset. */
  urls: Record<string, Asset>;
};

export const ASSET_ROUTE = '/content-assets';
const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg']);
const contentTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

export function contentTypeOf(file: string): string | null {
  return contentTypes[path.extname(file).toLowerCase()] ?? null;
}

const isExternal = (url: string) => /^([a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(url);

/**
 * What a review's imports and images resolve to: `assets` for images,
 * `components` (local name → component) for the theme components it imports.
 */
export function collectAssets(
  tree: Root,
  file: string,
  root: string,
): { assets: ReviewAssets; components: Record<string, MdxComponentName>; problems: ContentProblem[]; files: string[] } {
  const assets: ReviewAssets = { imports: {}, urls: {} };
  const files = new Set<string>();
  const components: Record<string, MdxComponentName> = {};
  const problems: ContentProblem[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }, message: string) =>
    problems.push({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });

  const resolve = (ref: string, node: Parameters<typeof at>[0]): Asset | null => {
    const absolute = assetPath(ref, file);
    if (absolute) files.add(absolute);
    const result = resolveAsset(ref, file, root);
    if (typeof result === 'string') {
      at(node, result);
      return null;
    }
    return result;
  };

  visit(tree, (node) => {
    if (node.type === 'mdxjsEsm') {
      for (const statement of node.data?.estree?.body ?? []) {
        if (statement.type !== 'ImportDeclaration') {
          at(node, 'only image imports are supported here; move other code into a component');
          continue;
        }
        const source = String(statement.source.value);
        const component = componentForImport(source);
        if (component) {
          for (const specifier of statement.specifiers) {
            if (specifier.type === 'ImportDefaultSpecifier') components[specifier.local.name] = component;
            else at(node, `import the component as a default import: import ${component} from '${source}'`);
          }
          continue;
        }
        if (!imageExtensions.has(path.extname(source).toLowerCase()) || isExternal(source)) {
          at(node, unknownImportMessage(source));
          continue;
        }
        const asset = resolve(source, node);
        for (const specifier of statement.specifiers) {
          if (specifier.type !== 'ImportDefaultSpecifier') {
            at(node, `import the image as a default import: import name from '${source}'`);
          } else if (asset) {
            assets.imports[specifier.local.name] = asset;
          }
        }
      }
    } else if (node.type === 'image' && !isExternal(node.url)) {
      const asset = resolve(node.url, node);
      if (asset) assets.urls[node.url] = asset;
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') {
      const src = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'src');
      if (typeof src?.value === 'string' && !isExternal(src.value)) {
        const asset = resolve(src.value, node);
        if (asset) assets.urls[src.value] = asset;
      }
    }
  });
  return { assets, components, problems, files: [...files] };
}

/** The file an image reference points at, or null when the reference is not a valid path. */
function assetPath(ref: string, reviewFile: string): string | null {
  try {
    return path.resolve(path.dirname(reviewFile), decodeURI(ref.split(/[?#]/)[0]!));
  } catch {
    return null;
  }
}

const cache = new Map<string, { key: string; asset: Asset }>();

/** Resolves an image path relative to the review; returns the problem as a message when it can't. */
export function resolveAsset(ref: string, reviewFile: string, root: string): Asset | string {
  let decoded: string;
  try {
    decoded = decodeURI(ref.split(/[?#]/)[0]!);
  } catch {
    return `invalid image path "${ref}"`;
  }
  const absolute = path.resolve(path.dirname(reviewFile), decoded);
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return `image "${ref}" is outside the content folder`;
  if (!contentTypeOf(absolute)) return `"${ref}" is not an image (png, jpg, gif, webp, avif, svg)`;
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    return `missing asset "${ref}" (no file at ${path.relative(process.cwd(), absolute)})`;
  }
  const key = `${stats.mtimeMs}:${stats.size}`;
  const hit = cache.get(absolute);
  if (hit?.key === key) return hit.asset;
  const bytes = readFileSync(absolute);
  let size;
  try {
    size = imageSize(bytes);
  } catch {
    return `cannot read image "${ref}": not a valid ${path.extname(absolute).slice(1)} file`;
  }
  const version = createHash('sha1').update(bytes).digest('hex').slice(0, 10);
  const urlPath = relative.split(path.sep).map(encodeURIComponent).join('/');
  const asset = { src: `${ASSET_ROUTE}/${urlPath}?v=${version}`, width: size.width, height: size.height };
  cache.set(absolute, { key, asset });
  return asset;
}
