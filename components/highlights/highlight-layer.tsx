'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { anchor, articleText } from '@/lib/highlights/anchoring';
import { HIGHLIGHT_COLORS, highlightColorLabels, type HighlightColor, type HighlightView } from '@/lib/reader/shared';
import { NoteBody } from '@/components/reader/note-body';
import { NoteEditor } from '@/components/reader/note-editor';
import { send } from '@/components/reader/reader-store';
import { takePendingHighlight, type HighlightRequest } from '@/components/highlights/pending-highlight';

/** The API sends the note rendered on the server as well (the contract's optional noteHtml). */
type Highlight = HighlightView & { noteHtml?: string | null };

export type HighlightLayerProps = {
  review: string;
  userId: string;
  initial: HighlightView[];
  /** A highlight the toolbar asked for; taken once. */
  request: HighlightRequest | null;
  onRequestTaken: () => void;
};

type Placed = { highlight: Highlight; range: Range | null };
type Open = { id: string; editing: boolean; opener: HTMLElement | null };

const root = () => document.querySelector<HTMLElement>('[data-highlight-root]');
const hlName = (color: HighlightColor) => `reader-hl-${color}`;
const FLASH = 'reader-hl-flash';
const hasCustomHighlights = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** Paper headings in review order, with their names, for grouping the highlights whose text is gone. */
function paperNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const heading of root()?.querySelectorAll('[data-paper-id]') ?? []) {
    const copy = heading.cloneNode(true) as Element;
    copy.querySelectorAll('[data-no-highlight]').forEach((el) => el.remove());
    names.set(heading.getAttribute('data-paper-id')!, copy.textContent?.trim() ?? '');
  }
  return names;
}

/** Wraps a range's text in <mark>s: the fallback where CSS.highlights is missing. The text itself is unchanged. */
function wrapInMarks(range: Range, highlight: Highlight) {
  const texts: Text[] = [];
  const container = range.commonAncestorContainer;
  if (container.nodeType === Node.TEXT_NODE) texts.push(container as Text);
  else {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (range.intersectsNode(node)) texts.push(node as Text);
  }
  for (const text of texts) {
    if (text.parentElement?.closest('[data-no-highlight]')) continue;
    let part = text;
    if (part === range.endContainer && range.endOffset < part.data.length) part.splitText(range.endOffset);
    if (part === range.startContainer && range.startOffset > 0) part = part.splitText(range.startOffset);
    if (!part.data.trim()) continue;
    const mark = document.createElement('mark');
    mark.dataset.hlId = highlight.id;
    mark.dataset.hlColor = highlight.color;
    mark.className = 'reader-hl';
    part.replaceWith(mark);
    mark.append(part);
  }
}

function unwrapMarks() {
  for (const mark of document.querySelectorAll('mark.reader-hl')) {
    const parent = mark.parentNode!;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parent.normalize();
  }
}

function scrollToRange(range: Range) {
  const rect = range.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + rect.top - window.innerHeight / 3, behavior: 'instant' });
}

/**
 * The reader's highlights on this review: anchored again on every load
 * (lib/highlights/anchoring), painted with the CSS Custom Highlight API (no
 * DOM change, no layout shift) or, without it, <mark>s around the same text.
 * Clicking a highlight, or choosing it in the list below the review, opens
 * its note with edit and delete. Highlights whose text the author removed are
 * listed under their paper as "No longer in the review", never deleted.
 */
export function HighlightLayer({ review, userId, initial, request, onRequestTaken }: HighlightLayerProps) {
  const [highlights, setHighlights] = useState<Highlight[]>(initial);
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState<string | null>(null);
  const flashed = useRef(false);

  // Anchor and paint whenever the list changes.
  useEffect(() => {
    const article = root();
    if (!article) return;
    unwrapMarks();
    const map = articleText(article);
    const next = highlights.map((highlight) => ({ highlight, range: anchor(article, highlight, map)?.range ?? null }));
    if (hasCustomHighlights()) {
      for (const color of HIGHLIGHT_COLORS) {
        const ranges = next.filter((p) => p.range && p.highlight.color === color).map((p) => p.range!);
        if (ranges.length) CSS.highlights.set(hlName(color), new Highlight(...ranges));
        else CSS.highlights.delete(hlName(color));
      }
    } else {
      // Last first, so wrapping one does not move the text the next range points into.
      for (const p of [...next].reverse()) if (p.range) wrapInMarks(p.range, p.highlight);
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- anchoring reads the DOM, which only exists after render
    setPlaced(next);
  }, [highlights]);

  useEffect(
    () => () => {
      if (hasCustomHighlights()) for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(hlName(color));
      unwrapMarks();
    },
    [],
  );

  const rangeOf = useCallback((id: string) => placed.find((p) => p.highlight.id === id)?.range ?? null, [placed]);

  const flash = useCallback((range: Range) => {
    scrollToRange(range);
    if (hasCustomHighlights()) {
      const flashing = new Highlight(range);
      flashing.priority = 1; // over the highlight's own colour
      CSS.highlights.set(FLASH, flashing);
      setTimeout(() => CSS.highlights.delete(FLASH), 1600);
    } else {
      const marks = [...document.querySelectorAll<HTMLElement>('mark.reader-hl')].filter((m) => range.intersectsNode(m));
      marks.forEach((m) => m.classList.add('reader-hl-flash'));
      setTimeout(() => marks.forEach((m) => m.classList.remove('reader-hl-flash')), 1600);
    }
  }, []);

  // #hl-<id> (the notebook links here): scroll to the passage and flash it.
  useEffect(() => {
    const go = () => {
      const id = /^#hl-(.+)$/.exec(window.location.hash)?.[1];
      const range = id ? rangeOf(decodeURIComponent(id)) : null;
      if (range) flash(range);
      return Boolean(range);
    };
    if (!flashed.current && placed.length && go()) flashed.current = true;
    window.addEventListener('hashchange', go);
    return () => window.removeEventListener('hashchange', go);
  }, [placed, rangeOf, flash]);

  const create = useCallback(
    async (next: HighlightRequest) => {
      try {
        const { highlight } = (await send('POST', '/api/highlights', {
          review,
          paperId: next.paperId,
          quote: next.quote,
          position: next.position,
          color: 'yellow',
        })) as { highlight: Highlight };
        setError(null);
        setHighlights((current) => [...current, highlight]);
        if (next.withNote) setOpen({ id: highlight.id, editing: true, opener: null });
      } catch (e) {
        setError(`Not highlighted: ${e instanceof Error ? e.message : 'network error'}`);
      }
    },
    [review],
  );

  useEffect(() => {
    if (!request) return;
    onRequestTaken();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sends the toolbar's request to the server; state changes only when it answers
    void create(request);
  }, [request, onRequestTaken, create]);

  // Back from signing in with a highlight asked for while signed out.
  useEffect(() => {
    const pending = takePendingHighlight(review);
    if (!pending) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- makes the highlight remembered in sessionStorage before sign-in; state changes only when the server answers
    void create(pending).then(() => {
      const article = root();
      const range = article && anchor(article, pending)?.range;
      if (range) scrollToRange(range);
    });
  }, [review, create]);

  // A click or tap on painted text opens that highlight (unless the reader is selecting).
  useEffect(() => {
    const article = root();
    if (!article) return;
    const onClick = (event: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      const target = event.target as Element;
      if (target.closest('a, button, input, textarea, select, [data-no-highlight]')) return;
      const mark = target.closest<HTMLElement>('mark.reader-hl');
      let id = mark?.dataset.hlId ?? null;
      if (!id) {
        const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
        // Safari before 2025 has only the older, non-standard caretRangeFromPoint.
        const legacy = caret ? null : document.caretRangeFromPoint?.(event.clientX, event.clientY);
        const point = caret
          ? { node: caret.offsetNode, offset: caret.offset }
          : legacy
            ? { node: legacy.startContainer, offset: legacy.startOffset }
            : null;
        if (!point) return;
        id =
          placed.find((p) => p.range && p.range.isPointInRange(point.node, point.offset) && !rangeEndsAt(p.range, point))?.highlight.id ??
          null;
      }
      if (id) setOpen({ id, editing: false, opener: null });
    };
    article.addEventListener('click', onClick);
    return () => article.removeEventListener('click', onClick);
  }, [placed]);

  async function update(id: string, patch: { note?: string | null; color?: HighlightColor }) {
    const { highlight } = (await send('PATCH', `/api/highlights/${encodeURIComponent(id)}`, patch)) as { highlight: Highlight };
    setHighlights((current) => current.map((h) => (h.id === id ? highlight : h)));
  }

  async function remove(id: string) {
    try {
      await send('DELETE', `/api/highlights/${encodeURIComponent(id)}`);
      setHighlights((current) => current.filter((h) => h.id !== id));
      close();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not delete the highlight.');
    }
  }

  function close() {
    const opener = open?.opener;
    setOpen(null);
    opener?.focus();
  }

  const shown = placed.filter((p) => p.range);
  const orphans = placed.filter((p) => !p.range);
  const names = paperNames();
  const groups = [null, ...names.keys()]
    .map((paperId) => ({ paperId, items: orphans.filter((p) => p.highlight.paperId === paperId) }))
    .filter((g) => g.items.length);
  const current = open && placed.find((p) => p.highlight.id === open.id);

  return (
    <section
      aria-labelledby="your-highlights"
      data-highlights
      className="mt-10 max-w-prose border-t border-slate-200 pt-6 dark:border-slate-800"
    >
      <h2 id="your-highlights" className="text-base font-semibold">
        Your highlights
      </h2>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {shown.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {shown.map(({ highlight, range }) => (
            <li key={highlight.id}>
              <button
                type="button"
                data-highlight-item={highlight.id}
                onClick={(event) => {
                  flash(range!);
                  setOpen({ id: highlight.id, editing: false, opener: event.currentTarget });
                }}
                className="w-full rounded-md px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                <span aria-hidden className={`reader-hl-swatch reader-hl-swatch-${highlight.color}`} />
                <span className="line-clamp-2">“{highlight.quote.exact}”</span>
                {highlight.note ? <span className="text-xs text-slate-600 dark:text-slate-300"> · has a note</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">Select text in the review to highlight it.</p>
      )}
      {groups.length ? (
        <div data-orphaned-highlights className="mt-6">
          <h3 className="text-sm font-semibold">No longer in the review</h3>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            The author changed this text since you highlighted it; your quote and note are kept.
          </p>
          {groups.map(({ paperId, items }) => (
            <div key={paperId ?? 'intro'} data-orphans-for={paperId ?? 'intro'} className="mt-3">
              <h4 className="text-sm font-medium">{paperId ? names.get(paperId) : 'Introduction'}</h4>
              {items.map(({ highlight }) => (
                <div key={highlight.id} data-orphaned-highlight={highlight.id} className="mt-2">
                  <blockquote className="border-l-4 border-slate-300 pl-3 text-sm italic dark:border-slate-600">
                    {highlight.quote.exact}
                  </blockquote>
                  {highlight.noteHtml ? <NoteBody html={highlight.noteHtml} /> : null}
                  <button type="button" onClick={() => void remove(highlight.id)} className="mt-1 text-xs underline">
                    Delete
                  </button>
                </div>
              ))}
            </div>
          ))}
        </div>
      ) : null}
      {current
        ? createPortal(
            <HighlightPopover
              key={current.highlight.id}
              highlight={current.highlight}
              range={current.range}
              userId={userId}
              editing={open.editing}
              onEdit={(editing) => setOpen({ ...open, editing })}
              onUpdate={(patch) => update(current.highlight.id, patch)}
              onDelete={() => void remove(current.highlight.id)}
              onClose={close}
            />,
            document.body,
          )
        : null}
    </section>
  );
}

/** A caret just after a highlight's last character is not on it. */
function rangeEndsAt(range: Range, point: { node: Node; offset: number }) {
  return range.endContainer === point.node && range.endOffset === point.offset;
}

function HighlightPopover({
  highlight,
  range,
  userId,
  editing,
  onEdit,
  onUpdate,
  onDelete,
  onClose,
}: {
  highlight: Highlight;
  range: Range | null;
  userId: string;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onUpdate: (patch: { note?: string | null; color?: HighlightColor }) => Promise<void>;
  onDelete: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  // The parent hands a new function each render; the listeners below are set up once.
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  const rect = range?.getClientRects()[range.getClientRects().length - 1] ?? range?.getBoundingClientRect();
  const top = rect ? rect.bottom + window.scrollY + 8 : window.scrollY + 80;
  const left = rect
    ? Math.min(Math.max(8, rect.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - 8 - 320)
    : 16;

  useEffect(() => {
    dialog.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && closeRef.current();
    const onDown = (event: PointerEvent) => !dialog.current?.contains(event.target as Node) && closeRef.current();
    document.addEventListener('keydown', onKey);
    // After the click that opened it has finished.
    const timer = setTimeout(() => document.addEventListener('pointerdown', onDown), 0);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, []);

  async function color(next: HighlightColor) {
    setError(null);
    try {
      await onUpdate({ color: next });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not change the color.');
    }
  }

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-label="Highlight"
      tabIndex={-1}
      data-highlight-popover={highlight.id}
      style={{ top, left: Math.max(8, left) }}
      className="absolute z-40 w-80 max-w-[calc(100vw-16px)] rounded-lg bg-white p-3 text-sm shadow-xl ring-1 ring-slate-200 outline-none dark:bg-slate-900 dark:ring-slate-700"
    >
      <blockquote className="line-clamp-3 border-l-4 border-slate-300 pl-2 text-xs text-slate-600 italic dark:border-slate-600 dark:text-slate-300">
        {highlight.quote.exact}
      </blockquote>
      {editing ? (
        <div className="mt-2">
          <NoteEditor
            draftKey={`papers-review:highlight-note:${userId}:${highlight.id}`}
            initial={highlight.note ?? ''}
            submitLabel="Save note"
            onSubmit={async (body) => {
              await onUpdate({ note: body });
              onEdit(false);
            }}
            onCancel={() => onEdit(false)}
          />
        </div>
      ) : highlight.note ? (
        <div className="mt-2" data-highlight-note>
          {highlight.noteHtml ? <NoteBody html={highlight.noteHtml} /> : <p className="whitespace-pre-wrap">{highlight.note}</p>}
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-3 text-xs">
        {editing ? null : (
          <button type="button" onClick={() => onEdit(true)} className="underline">
            {highlight.note ? 'Edit note' : 'Add a note'}
          </button>
        )}
        {highlight.note && !editing ? (
          <button
            type="button"
            onClick={() => void onUpdate({ note: null }).catch((e: Error) => setError(e.message))}
            className="underline"
          >
            Remove note
          </button>
        ) : null}
        <button type="button" onClick={onDelete} className="text-red-700 underline dark:text-red-400">
          Delete highlight
        </button>
        <span role="group" aria-label="Color" className="ml-auto flex gap-1">
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={highlight.color === c}
              onClick={() => void color(c)}
              className={`reader-hl-swatch reader-hl-swatch-${c} size-6 rounded-full ring-1 ring-slate-400 aria-pressed:ring-2 aria-pressed:ring-slate-900 dark:aria-pressed:ring-white`}
            >
              <span className="sr-only">{highlightColorLabels[c]}</span>
            </button>
          ))}
        </span>
        <button type="button" onClick={onClose} className="underline">
          Close
        </button>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
