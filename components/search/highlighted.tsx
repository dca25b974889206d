import type { Highlight } from '@/lib/search/engine';

/** Text with the matched ranges wrapped in <mark>. */
export function Highlighted({ highlight }: { highlight: Pick<Highlight, 'text' | 'ranges'> }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of highlight.ranges) {
    if (start > at) parts.push(highlight.text.slice(at, start));
    parts.push(<mark key={start}>{highlight.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(highlight.text.slice(at));
  return <>{parts}</>;
}
