import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * When each file last changed: the last commit that touched it when the
 * content folder is in git (one `git log` for the whole folder, not one per
 * file), the file time otherwise (a fresh clone without history, an export).
 */
export function lastUpdatedDates(root: string, files: string[]): Map<string, string> {
  const fromGit = new Map<string, string>();
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const log = execFileSync('git', ['log', '--format=@%cI', '--name-only', '--no-renames', '--', '.'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    let date = '';
    for (const line of log.split('\n')) {
      if (line.startsWith('@')) date = line.slice(1, 11);
      else if (line && date) {
        const file = path.join(top, line);
        if (!fromGit.has(file)) fromGit.set(file, date);
      }
    }
  } catch {
    // Not a git checkout, or git missing: file times below.
  }
  const dates = new Map<string, string>();
  for (const file of files) {
    const date = fromGit.get(file) ?? safeMtime(file);
    if (date) dates.set(file, date);
  }
  return dates;
}

function safeMtime(file: string): string | null {
  try {
    return statSync(file).mtime.toISOString().slice(0, 10);
  } catch {
    return null;
  }
}
