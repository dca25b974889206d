// Re-anchoring on real edits of a real review: the review file from content/
// is edited as an author would, both versions are rendered by the app's own
// pipeline, and the anchoring code runs in Chromium on that HTML (the DOM
// Range and TreeWalker it needs exist only in a browser).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { setupBrowser } from '@/tests/e2e/browser';
import { writeContent } from '@/tests/support/content';
import { renderFixture } from '@/tests/support/render';
import type * as Anchoring from '@/lib/highlights/anchoring';
import type { Anchor, Selectors } from '@/lib/highlights/anchoring';

const FILE = 'papers/y2025/nov/20251128.md';
const SLUG = 'papers/y2025/nov/20251128';
const original = readFileSync(path.join('content', FILE), 'utf8');
const HIGHLIGHT = 'the extra drafted tokens are almost free on memory-bound hardware';

/** `before` must occur exactly once in the review, so every edit is the one meant. */
function edit(before: string, after: string): string {
  expect(original.split(before)).toHaveLength(2);
  return original.replace(before, after);
}

const edits = {
  'a sentence inserted before the highlight': edit(
    'The trick is a structured attention mask.',
    'The authors release code and weights. The trick is a structured attention mask.',
  ),
  'a word changed elsewhere': edit('Modern diffusion models almost never predict', 'Modern diffusion models rarely predict'),
  'the highlighted words changed slightly': edit(HIGHLIGHT, 'the extra drafted tokens are nearly free on memory-bound hardware'),
  'the highlighted paragraph deleted': edit(
    'Because drafting and verification share the same forward pass, the extra drafted tokens are almost free on memory-bound hardware.\n\n',
    '',
  ),
};

async function render(source: string): Promise<string> {
  return renderFixture(writeContent({ [FILE]: source }), SLUG);
}

/** The module as a browser gets it: bundled by esbuild from the app's sources. */
async function bundleFor(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

let bundle = '';
const htmlOf: Record<string, string> = {};
beforeAll(async () => {
  bundle = await bundleFor(`import * as anchoring from './lib/highlights/anchoring'; window.anchoring = anchoring;`);
  htmlOf.original = await render(original);
  for (const [name, source] of Object.entries(edits)) htmlOf[name] = await render(source);
}, 60_000);

const browser = setupBrowser();

async function open(html: string): Promise<Page> {
  const page = await browser().newPage();
  await page.setContent(`<!doctype html><html><body><article><div data-highlight-root>${html}</div></article></body></html>`);
  await page.addScriptTag({ content: bundle });
  return page;
}

type Window = typeof globalThis & {
  anchoring: typeof Anchoring;
};

/** Selects `text` in the original review as a reader would (a DOM selection) and describes it. */
async function highlightInOriginal(text: string): Promise<Selectors & { paperId: string | null }> {
  const page = await open(htmlOf.original!);
  const described = await page.evaluate((text) => {
    const w = window as unknown as Window;
    const root = document.querySelector('[data-highlight-root]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(text);
      if (at < 0) continue;
      const selection = getSelection()!;
      selection.setBaseAndExtent(node, at, node, at + text.length);
      const range = selection.getRangeAt(0);
      return { ...w.anchoring.describeRange(root, range)!, paperId: w.anchoring.paperAt(root, range) };
    }
    throw new Error(`"${text}" is not in the review`);
  }, text);
  await page.close();
  return described;
}

type Result = { ours: (Omit<Anchor, 'range'> & { text: string; paperId: string | null }) | null };

async function reanchor(html: string, selectors: Selectors): Promise<Result> {
  const page = await open(html);
  const result = await page.evaluate((selectors) => {
    const w = window as unknown as Window;
    const root = document.querySelector('[data-highlight-root]')!;
    const found = w.anchoring.anchor(root, selectors);
    const ours = found && {
      start: found.start,
      end: found.end,
      how: found.how,
      text: found.range.toString(),
      paperId: w.anchoring.paperAt(root, found.range),
    };
    return { ours };
  }, selectors);
  await page.close();
  return result;
}

// The other candidate: @apache-annotator/dom 0.2.0 as installed cannot be
// bundled for the browser at all, because its matchers import
// @apache-annotator/selector, which that release lists only as a devDependency.
test('@apache-annotator/dom, the other candidate, does not bundle: its matcher package is not installed', async () => {
  await expect(
    bundleFor(`import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom'; window.m = createTextQuoteSelectorMatcher;`),
  ).rejects.toThrow(/Could not resolve "@apache-annotator\/selector"/);
});

describe('a highlight made on the published review', () => {
  let selectors: Selectors & { paperId: string | null };
  beforeAll(async () => {
    selectors = await highlightInOriginal(HIGHLIGHT);
  });

  test('is described by its quote with 32 characters of context and its offsets, in the TiDAR section', () => {
    expect(selectors.quote.exact).toBe(HIGHLIGHT);
    expect(selectors.quote.prefix).toHaveLength(32);
    expect(selectors.quote.suffix).toHaveLength(32);
    expect(`${selectors.quote.prefix}${HIGHLIGHT}${selectors.quote.suffix}`).toContain(
      'same forward pass, the extra drafted tokens are almost free on memory-bound hardware.',
    );
    expect(selectors.position.end - selectors.position.start).toBe(HIGHLIGHT.length);
    expect(selectors.paperId).toBe('arxiv:2511.08923');
  });

  test('reader controls are not part of the text: the bookmark row and heading links are skipped', async () => {
    const page = await open(htmlOf.original!);
    const text = await page.evaluate(
      () => (window as unknown as Window).anchoring.articleText(document.querySelector('[data-highlight-root]')!).text,
    );
    await page.close();
    expect(text).toContain('TiDAR nvidia\n');
    expect(text).not.toContain('Bookmark');
    expect(text).not.toContain('Paper page');
  });

  test('on the unchanged review it is found by its quote, at the same offsets', async () => {
    const { ours } = await reanchor(htmlOf.original!, selectors);
    expect(ours).toMatchObject({ how: 'quote', text: HIGHLIGHT, ...selectors.position });
  });

  test('a sentence inserted before it: the same words, at new offsets', async () => {
    const { ours } = await reanchor(htmlOf['a sentence inserted before the highlight']!, selectors);
    expect(ours).toMatchObject({ how: 'quote', text: HIGHLIGHT, paperId: 'arxiv:2511.08923' });
    expect(ours!.start).toBe(selectors.position.start + 'The authors release code and weights. '.length);
  });

  test('a word changed elsewhere: the same words', async () => {
    const { ours } = await reanchor(htmlOf['a word changed elsewhere']!, selectors);
    expect(ours).toMatchObject({ how: 'quote', text: HIGHLIGHT, ...selectors.position });
  });

  // An exact matcher (what @apache-annotator/dom 0.2 does) would lose this one.
  test('the highlighted words changed slightly: the edited words are highlighted', async () => {
    const { ours } = await reanchor(htmlOf['the highlighted words changed slightly']!, selectors);
    expect(ours).toMatchObject({
      how: 'quote',
      text: 'the extra drafted tokens are nearly free on memory-bound hardware',
      paperId: 'arxiv:2511.08923',
    });
  });

  test('the highlighted paragraph deleted: not found, so it is listed as no longer in the review (not pinned to a neighbour)', async () => {
    const { ours } = await reanchor(htmlOf['the highlighted paragraph deleted']!, selectors);
    expect(ours).toBeNull();
  });
});
