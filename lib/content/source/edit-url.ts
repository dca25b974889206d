import path from 'node:path';

/**
 * "Edit this page": the configured base (EDIT_URL_BASE, e.g.
 * https://github.com/org/repo/edit/main/) plus the file's path in the repository.
 */
export function editUrl(file: string, base: string | null, projectRoot = process.cwd()): string | null {
  if (!base) return null;
  const relative = path.relative(projectRoot, file).split(path.sep).map(encodeURIComponent).join('/');
  if (relative.startsWith('..')) return null;
  return new URL(relative, base.endsWith('/') ? base : `${base}/`).toString();
}
