import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The content folder: `content/` in the project, or `CONTENT_DIR` (benchmarks, tests). */
export function contentRoot(): string {
  const override = process.env.CONTENT_DIR;
  return override ? path.resolve(/* turbopackIgnore: true */ override) : path.join(process.cwd(), 'content');
}

export type ContentFile = { file: string; slug: string; mtimeMs: number; size: number };

const reviewExtension = /\.mdx?$/;

/**
 * Every review file under the root, following Docusaurus' docs rules: `.md`
 * and `.mdx`, nothing whose name starts with `_`, `index`/`README` stand for
 * their folder. The slug is the path without extension: `papers/y2025/nov/20251121`.
 */
export function listContentFiles(root = contentRoot()): ContentFile[] {
  // A missing folder is a setup mistake (a wrong CONTENT_DIR, a checkout
  // without content/), not an empty site: say which folder was expected.
  if (!existsSync(root)) {
    throw new Error(`Content folder not found: ${root}. Put the reviews there, or set CONTENT_DIR to the folder that holds them.`);
  }
  const files: ContentFile[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (reviewExtension.test(entry.name)) {
        const stats = statSync(full);
        files.push({ file: full, slug: slugOf(full, root), mtimeMs: stats.mtimeMs, size: stats.size });
      }
    }
  };
  walk(root);
  return files.sort((a, b) => a.slug.localeCompare(b.slug));
}

export function slugOf(file: string, root: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/').replace(reviewExtension, '');
  return relative.replace(/(^|\/)(index|README)$/i, '').replace(/\/$/, '');
}

