// dom-anchor-text-quote ships no types. Only `root.textContent` is read by the
// two functions this app calls, so a `{ textContent }` object is a valid root.
declare module 'dom-anchor-text-quote' {
  type TextRoot = { textContent: string | null };
  export function fromTextPosition(
    root: TextRoot,
    selector: { start: number; end: number },
  ): { exact: string; prefix: string; suffix: string };
  export function toTextPosition(
    root: TextRoot,
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): { start: number; end: number } | null;
}
