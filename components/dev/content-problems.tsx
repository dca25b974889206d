import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceFrame } from '@/lib/content/source/frame';
import type { ContentProblem } from '@/lib/content/source/problems';

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The file as `content:check` prints it: from the project folder, or whole when it is elsewhere (CONTENT_DIR). */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return !relative || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** `content/papers/…/x.mdx:12:5`, as editors open it. */
export function problemLocation(problem: ContentProblem): string {
  return `${displayPath(problem.file)}:${problem.line}:${problem.column}`;
}

/** Each problem with its location, its message and the source lines around it, the column marked. */
export function ProblemList({ problems, tone }: { problems: ContentProblem[]; tone: 'error' | 'warning' }) {
  const sources = new Map<string, string>();
  const sourceOf = (file: string) => sources.get(file) ?? sources.set(file, readSource(file)).get(file)!;
  return (
    <ol className="mt-4 space-y-4">
      {problems.map((problem) => {
        const frame = sourceFrame(sourceOf(problem.file), problem.line);
        const width = String(frame.at(-1)?.number ?? problem.line).length;
        return (
          <li key={`${problemLocation(problem)} ${problem.message}`} data-content-problem={tone}>
            <p className="font-mono text-sm">
              <span className={tone === 'error' ? 'text-rose-700 dark:text-rose-400' : 'text-amber-800 dark:text-amber-300'}>
                {problemLocation(problem)}
              </span>{' '}
              <span>{problem.message}</span>
            </p>
            {frame.length ? (
              <pre className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-5 text-slate-100" aria-label="Source">
                {frame.map((line) => (
                  <span key={line.number} className={line.marked ? 'block bg-rose-900/60' : 'block'}>
                    {`${line.marked ? '>' : ' '} ${String(line.number).padStart(width)} | ${line.text}`}
                    {line.marked ? `\n  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, problem.column - 1))}^` : ''}
                  </span>
                ))}
              </pre>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * `next dev` only: what an author sees instead of a review that cannot be
 * rendered. Every problem in the file, located; saving a fix brings the
 * review back (the live preview refreshes the page).
 */
export function AuthorErrorPage({ file, problems }: { file: string; problems: ContentProblem[] }) {
  return (
    <section role="alert" className="mx-auto max-w-4xl py-12" data-author-errors>
      <p className="text-sm font-semibold text-rose-600 dark:text-rose-400">Development · content error</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">
        {problems.length} problem{problems.length === 1 ? '' : 's'} in {displayPath(file)}
      </h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Fix the file and save it: this page updates by itself. <code>npm run content:check</code> lists the same problems for every file.
      </p>
      <ProblemList problems={problems} tone="error" />
    </section>
  );
}

/** `next dev` only: problems that do not stop the review from rendering (broken links and anchors), above it. */
export function AuthorWarnings({ problems }: { problems: ContentProblem[] }) {
  if (!problems.length) return null;
  return (
    <aside
      aria-label="Content warnings"
      data-author-warnings
      className="mt-6 max-w-prose rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/40"
    >
      <p className="text-sm font-semibold text-amber-900 dark:text-amber-200">
        {problems.length} warning{problems.length === 1 ? '' : 's'} (development only; <code>content:check</code> and the build refuse them)
      </p>
      <ProblemList problems={problems} tone="warning" />
    </aside>
  );
}
