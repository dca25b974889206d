import 'server-only';
import { readFile } from 'node:fs/promises';
import { createElement, type ComponentType, type ElementType, type Key } from 'react';
import * as jsxDevRuntime from 'react/jsx-dev-runtime';
import * as jsxProdRuntime from 'react/jsx-runtime';
import { serialize } from 'next-mdx-remote/serialize';
import { mdxComponents } from '@/components/review/mdx-components';
import { buildCached, jsonCodec } from '@/lib/content/build-cache';
import { locateCompileError, reviewMdxOptions } from '@/lib/content/render/mdx-options';
import type { Review } from '@/lib/content/source/parse-review';
import { ContentError } from '@/lib/content/source/problems';
import { preprocess } from '@/lib/content/source/syntax';
import type { RenderContext } from '@/lib/content/source/transforms';

type MdxContent = ComponentType<{ components: Record<string, unknown> }>;

/** The last compiled code of each review file, with everything that went into it. */
const compiled = new Map<string, { key: string; content: MdxContent }>();

/**
 * Compiles a review to React elements on the server; a broken file fails with
 * `file:line:column`. Feeds pass `feedMdxComponents` (no paper rows). A theme
 * component imported under another name (`import Box from '@theme/Admonition'`)
 * is handed in under that name too.
 *
 * The compiled code is kept per file until its text or anything else the
 * compiler reads changes: `next dev` renders a review on every request, and
 * compiling (MDX, KaTeX, Shiki) was most of that time.
 */
export async function renderReview(review: Review, root: string, alsoIn?: RenderContext['alsoIn'], components = mdxComponents) {
  if (review.problems.length) throw new ContentError(review.problems);
  const source = await readFile(review.file, 'utf8');
  const imported = Object.fromEntries(Object.entries(review.components).map(([local, name]) => [local, components[name]]));
  const key = JSON.stringify([source, root, review.format, review.assets, review.papers, alsoIn ?? null]);
  let entry = compiled.get(review.file);
  if (entry?.key !== key) {
    try {
      entry = { key, content: await compile(source, key, review, root, alsoIn) };
    } catch (error) {
      throw new ContentError([locateCompileError(review.file, source, error)]);
    }
    compiled.set(review.file, entry);
  }
  return createElement(entry.content, { components: { ...components, ...imported } });
}

/** What next-mdx-remote's compileMDX does, minus the element: the compiled function is what is worth keeping. */
async function compile(source: string, key: string, review: Review, root: string, alsoIn: RenderContext['alsoIn']): Promise<MdxContent> {
  // Across builds the compiled code comes from the build cache, keyed by the same inputs as above.
  const { compiledSource, frontmatter, scope } = await buildCached(
    'mdx',
    key,
    () => serialize(preprocess(source), reviewMdxOptions(review, root, { alsoIn }), true),
    jsonCodec,
  );
  const opts = jsxRuntimeFor(compiledSource);
  const fullScope: Record<string, unknown> = { opts, frontmatter, ...scope };
  const hydrate = Reflect.construct(Function, [...Object.keys(fullScope), compiledSource]) as (...args: unknown[]) => {
    default: MdxContent;
  };
  return hydrate(...Object.values(fullScope)).default;
}

/**
 * serialize() compiles for React's development runtime whenever NODE_ENV is
 * not 'production' at run time, while this bundle resolved React with
 * NODE_ENV inlined at build time. A build started with another NODE_ENV (a
 * test runner's 'test') gets development code and a production React whose
 * jsx-dev-runtime has no jsxDEV ('_jsxDEV is not a function'). So the
 * runtime follows what was compiled, and jsxDEV falls back to jsx/jsxs.
 */
export function jsxRuntimeFor(compiledSource: string, devRuntime: { jsxDEV?: unknown } = jsxDevRuntime): object {
  if (!/\bjsxDEV: _jsxDEV\b/.test(compiledSource)) return jsxProdRuntime;
  return typeof devRuntime.jsxDEV === 'function' ? devRuntime : jsxDevOnProduction;
}

/** jsxDEV's arguments are jsx's plus static-children, source and self, which production React ignores. */
const jsxDevOnProduction = {
  Fragment: jsxProdRuntime.Fragment,
  jsxDEV: (type: ElementType, props: object, key: Key | undefined, isStaticChildren: boolean) =>
    (isStaticChildren ? jsxProdRuntime.jsxs : jsxProdRuntime.jsx)(type, props, key),
};
