'use client';

import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { createPortal } from 'react-dom';
import type { HighlightView } from '@/lib/reader/shared';
import { send, signInUrl, useReaderState } from '@/components/reader/reader-store';
import { hasPendingHighlight, rememberPendingHighlight, type HighlightRequest } from '@/components/highlights/pending-highlight';
import type { HighlightLayerProps } from '@/components/highlights/highlight-layer';

/** Marks the review's own text; the island and the layer look for it. */
export const HIGHLIGHT_ROOT = '[data-highlight-root]';

type Toolbar = { top: number; left: number };

/** The selection, when it is inside the review's text (not in reader controls) and not empty. */
function selectionInArticle(): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const root = document.querySelector(HIGHLIGHT_ROOT);
  const range = selection.getRangeAt(0);
  if (!root || !root.contains(range.commonAncestorContainer)) return null;
  const inControls = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('[data-no-highlight]');
  if (inControls(range.startContainer) || inControls(range.endContainer)) return null;
  return range.toString().trim() ? range : null;
}

/**
 * The always-loaded part of highlighting, kept small on purpose: it watches
 * the selection inside the review and offers a toolbar. Everything else
 * (anchoring, painting, the note popover) is the highlight layer, imported
 * only once there is something to do: a highlight asked for, or the reader
 * has highlights on this review. The page itself stays prerendered.
 */
export function HighlightIsland({ review }: { review: string }) {
  const reader = useReaderState();
  const userId = reader?.user?.id ?? null;
  const [toolbar, setToolbar] = useState<Toolbar | null>(null);
  const [Layer, setLayer] = useState<ComponentType<HighlightLayerProps> | null>(null);
  const [initial, setInitial] = useState<HighlightView[] | null>(null);
  const [request, setRequest] = useState<HighlightRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const range = useRef<Range | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  const loadLayer = useCallback(() => {
    void import('@/components/highlights/highlight-layer').then((mod) => setLayer(() => mod.HighlightLayer));
  }, []);

  // Signed in: the reader's highlights on this review (one small request); the layer loads only if there are any.
  useEffect(() => {
    if (!userId) return;
    let live = true;
    void send('GET', `/api/highlights?${new URLSearchParams({ review }).toString()}`).then(
      (data) => {
        if (!live) return;
        const { highlights } = data as { highlights: HighlightView[] };
        setInitial(highlights);
        if (highlights.length || hasPendingHighlight(review)) loadLayer();
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : 'Could not load your highlights.'),
    );
    return () => {
      live = false;
    };
  }, [userId, review, loadLayer]);

  // The toolbar follows the selection: mouse, touch and keyboard selections all end up here.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const selected = selectionInArticle();
        if (selected) range.current = selected;
        // Focus moving into the toolbar must not hide it; the selection it acts on is kept in `range`.
        if (!selected) {
          if (toolbarRef.current?.contains(document.activeElement)) return;
          range.current = null;
          return setToolbar(null);
        }
        const rects = selected.getClientRects();
        const first = rects[0] ?? selected.getBoundingClientRect();
        setToolbar({ top: first.top + window.scrollY, left: Math.max(8, first.left + window.scrollX) });
      });
    };
    // A keyboard selection (Shift+arrows after caret browsing) reaches the toolbar with Tab.
    const onKey = (event: KeyboardEvent) => {
      const first = toolbarRef.current?.querySelector('button');
      if (event.key !== 'Tab' || event.shiftKey || !first || !range.current) return;
      if (toolbarRef.current!.contains(document.activeElement)) return;
      event.preventDefault();
      first.focus();
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  async function highlight(withNote: boolean) {
    const selected = range.current;
    if (!selected || !reader) return;
    const root = document.querySelector(HIGHLIGHT_ROOT)!;
    const { describeRange, paperAt } = await import('@/lib/highlights/anchoring');
    const selectors = describeRange(root, selected);
    if (!selectors) return;
    const next: HighlightRequest = { ...selectors, review, paperId: paperAt(root, selected), withNote };
    if (!reader.user) {
      rememberPendingHighlight(next);
      window.location.assign(signInUrl(window.location.pathname));
      return;
    }
    document.getSelection()?.removeAllRanges();
    setToolbar(null);
    setRequest(next);
    loadLayer();
  }

  const button =
    'inline-flex min-h-8 items-center rounded-md px-2.5 py-1 text-xs font-medium text-white hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-white';
  return (
    <>
      {toolbar && reader
        ? createPortal(
            <div
              ref={toolbarRef}
              role="toolbar"
              aria-label="Highlight the selection"
              data-highlight-toolbar
              // Keeps the selection: a mousedown on a button would otherwise collapse it first.
              onMouseDown={(event) => event.preventDefault()}
              style={{ top: toolbar.top, left: toolbar.left }}
              className="absolute z-40 flex -translate-y-full gap-1 rounded-lg bg-slate-900 p-1 shadow-lg dark:bg-slate-700"
            >
              {reader.user ? (
                <>
                  <button type="button" className={button} onClick={() => void highlight(false)}>
                    Highlight
                  </button>
                  <button type="button" className={button} onClick={() => void highlight(true)}>
                    Highlight with note
                  </button>
                </>
              ) : (
                <button type="button" className={button} onClick={() => void highlight(false)}>
                  Sign in to highlight
                </button>
              )}
            </div>,
            document.body,
          )
        : null}
      {error ? (
        <p role="alert" className="mt-4 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {Layer && userId && initial ? (
        <Layer review={review} userId={userId} initial={initial} request={request} onRequestTaken={() => setRequest(null)} />
      ) : null}
    </>
  );
}
