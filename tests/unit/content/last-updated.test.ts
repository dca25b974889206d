import { execFileSync } from 'node:child_process';
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { lastUpdatedDates } from '@/lib/content/source/last-updated';
import { writeContent } from '@/tests/support/content';

test('last commit date from git history, file time for files git does not know', () => {
  const root = writeContent({ 'a.mdx': 'one', 'b.mdx': 'two', 'c.mdx': 'three' });
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: root,
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', ...(date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {}) },
      stdio: 'ignore',
    });
  git(['init', '-q']);
  git(['add', 'a.mdx', 'b.mdx']);
  git(['commit', '-qm', 'first'], '2025-10-27T09:00:00Z');
  git(['commit', '-qm', 'touch b', '--allow-empty'], '2025-11-01T09:00:00Z');
  execFileSync('sh', ['-c', 'echo more >> b.mdx'], { cwd: root });
  git(['commit', '-qam', 'edit b'], '2025-11-21T09:00:00Z');
  utimesSync(path.join(root, 'c.mdx'), new Date('2024-02-03T12:00:00Z'), new Date('2024-02-03T12:00:00Z'));

  const dates = lastUpdatedDates(root, ['a.mdx', 'b.mdx', 'c.mdx'].map((f) => path.join(root, f)));
  expect(Object.fromEntries([...dates].map(([file, date]) => [path.basename(file), date]))).toEqual({
    'a.mdx': '2025-10-27',
    'b.mdx': '2025-11-21',
    'c.mdx': '2024-02-03',
  });
});
