import path from 'node:path';

/** One thing wrong with a content file, located so an author can jump to it. */
export type ContentProblem = { file: string; line: number; column: number; message: string };

export function formatProblem(problem: ContentProblem, root = process.cwd()): string {
  const file = path.relative(root, problem.file) || problem.file;
  return `${file}:${problem.line}:${problem.column} ${problem.message}`;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map((problem) => formatProblem(problem)).join('\n'));
    this.name = 'ContentError';
  }
}

type Positioned = { line?: number | null; column?: number | null; reason?: string; message?: string; place?: unknown };

const placeInText = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)$/;

/**
 * Turns a parser or compiler failure into a located problem: from the
 * VFileMessage's place, or from the `(line:column-line:column)` that some
 * MDX errors only write into their text.
 */
export function problemFromError(file: string, error: unknown): ContentProblem {
  const e = (error ?? {}) as Positioned;
  const place = e.place as { line?: number; column?: number; start?: { line?: number; column?: number } } | undefined;
  const text = (e.reason ?? e.message ?? String(error)).split('\n')[0]!.trim();
  const inText = placeInText.exec(text);
  const message = inText ? text.slice(0, inText.index) : text;
  const line = e.line ?? place?.line ?? place?.start?.line ?? (inText ? Number(inText[1]) : 1);
  const column = e.column ?? place?.column ?? place?.start?.column ?? (inText ? Number(inText[2]) : 1);
  return { file, line, column, message };
}
