/** One line of a source frame: its 1-based number, its text, and whether the problem is on it. */
export type FrameLine = { number: number; text: string; marked: boolean };

/**
 * The lines around `line` (two before, two after), for showing an author
 * where a problem is, as compilers print a code frame.
 */
export function sourceFrame(source: string, line: number, around = 2): FrameLine[] {
  const lines = source.split(/\r?\n/);
  const at = Math.min(Math.max(line, 1), lines.length);
  const first = Math.max(1, at - around);
  const last = Math.min(lines.length, at + around);
  return lines.slice(first - 1, last).map((text, i) => ({ number: first + i, text, marked: first + i === at }));
}
