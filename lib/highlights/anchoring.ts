// Where a highlight sits in a review, as W3C Web Annotation selectors, and
// where it sits again after the author edited the review. Browser-only (DOM);
// loaded by the highlight layer on demand, never on first load.
//
// The matching is dom-anchor-text-quote's (diff-match-patch's fuzzy bitap
// search), chosen over @apache-annotator/dom by tests/unit/highlights/
// anchoring.test.ts on real edits of a review: the Apache matcher only finds
// exact quotes, so a highlight whose words the author touched up was lost.
//
// "The article's text" is the text of the review itself: reader controls
// inside the article (bookmark row, the reader's own notes, heading `#`
// links) are marked `data-no-highlight` and skipped, because their text
// differs from reader to reader and would move every offset after them.
import { fromTextPosition, toTextPosition } from 'dom-anchor-text-quote';
import { HIGHLIGHT_CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from '@/lib/reader/shared';

export const SKIP_SELECTOR = '[data-no-highlight], script, style, template';

type TextMap = { text: string; nodes: { node: Text; start: number }[] };

/** The review's text and where each of its text nodes starts in it. */
export function articleText(root: Element): TextMap {
  const nodes: TextMap['nodes'] = [];
  let text = '';
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(SKIP_SELECTOR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    nodes.push({ node: node as Text, start: text.length });
    text += (node as Text).data;
  }
  return { text, nodes };
}

/** Offset in the review's text of a DOM boundary point (a Range's start or end). */
function offsetOf(map: TextMap, container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const entry = map.nodes.find((n) => n.node === container);
    if (entry) return entry.start + offset;
  }
  // An element boundary (or a skipped text node): the first counted text at or after it.
  const probe = container.ownerDocument!.createRange();
  probe.setStart(container, offset);
  for (const entry of map.nodes) if (probe.comparePoint(entry.node, 0) >= 0) return entry.start;
  return map.text.length;
}

/** The DOM Range of [start, end) of the review's text. */
export function rangeAt(root: Element, map: TextMap, start: number, end: number): Range {
  const range = root.ownerDocument.createRange();
  const point = (at: number, isEnd: boolean): [Text, number] => {
    // For an end, prefer the node the text ends in over the next one starting there.
    let found = map.nodes[0]!;
    for (const entry of map.nodes) {
      if (isEnd ? entry.start < at : entry.start <= at) found = entry;
      else break;
    }
    return [found.node, Math.min(Math.max(at - found.start, 0), found.node.data.length)];
  };
  range.setStart(...point(start, false));
  range.setEnd(...point(end, true));
  return range;
}

export type Selectors = { quote: TextQuoteSelector; position: TextPositionSelector };

/** The selectors of a selection inside `root`; null when it holds none of the review's text. */
export function describeRange(root: Element, range: Range): Selectors | null {
  const map = articleText(root);
  let start = offsetOf(map, range.startContainer, range.startOffset);
  let end = offsetOf(map, range.endContainer, range.endOffset);
  // Selections often start or end in whitespace between blocks; the quote is the words.
  while (start < end && /\s/.test(map.text[start]!)) start++;
  while (end > start && /\s/.test(map.text[end - 1]!)) end--;
  if (end <= start) return null;
  const { exact, prefix, suffix } = fromTextPosition({ textContent: map.text }, { start, end });
  // The library keeps 32 characters either side; the contract names the number.
  return {
    quote: { exact, prefix: prefix.slice(-HIGHLIGHT_CONTEXT_LENGTH), suffix: suffix.slice(0, HIGHLIGHT_CONTEXT_LENGTH) },
    position: { start, end },
  };
}

export type Anchor = { range: Range; start: number; end: number; how: 'quote' | 'position' | 'quote-alone' };

/**
 * Finds a stored highlight in the review as it is now: the quote with its
 * context first, then the stored position (only if the text there is still
 * the quote), then the quote alone. null when the text is gone: the caller
 * lists it as "no longer in the review", it is never deleted.
 */
export function anchor(root: Element, selectors: Selectors, map = articleText(root)): Anchor | null {
  const { quote, position } = selectors;
  const found = (start: number, end: number, how: Anchor['how']): Anchor => ({ range: rangeAt(root, map, start, end), start, end, how });
  const withContext = toTextPosition({ textContent: map.text }, quote, { hint: position.start });
  if (withContext && resembles(map.text.slice(withContext.start, withContext.end), quote.exact)) {
    return found(withContext.start, withContext.end, 'quote');
  }
  if (map.text.slice(position.start, position.end) === quote.exact) return found(position.start, position.end, 'position');
  const alone = toTextPosition({ textContent: map.text }, { exact: quote.exact }, { hint: position.start });
  if (alone && resembles(map.text.slice(alone.start, alone.end), quote.exact)) return found(alone.start, alone.end, 'quote-alone');
  return null;
}

/**
 * The fuzzy search always returns its best guess, even when the quoted
 * sentence was deleted and the guess is a neighbouring one. A guess counts
 * only if most of the quote's words are in it (a word or two touched up is
 * fine, another sentence is not).
 */
function resembles(found: string, exact: string): boolean {
  if (found === exact) return true;
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wanted = words(exact);
  if (!wanted.length) return false;
  const have = new Set(words(found));
  const kept = wanted.filter((word) => have.has(word)).length;
  return kept / wanted.length >= 0.75 && Math.abs(found.length - exact.length) <= Math.max(8, exact.length * 0.25);
}

/**
 * The paper a point of the review belongs to: the nearest paper heading
 * (`data-paper-id`) before it, unless a heading of the same or a higher
 * level closed that paper's section since. null in the introduction.
 */
export function paperAt(root: Element, range: Range): string | null {
  let current: { id: string; level: number } | null = null;
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (range.comparePoint(heading, 0) >= 0) break;
    const level = Number(heading.tagName.slice(1));
    const id = heading.getAttribute('data-paper-id');
    if (id) current = { id, level };
    else if (current && level <= current.level) current = null;
  }
  return current?.id ?? null;
}
