import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** `content/papers-metadata.json`: what arXiv says about each paper, written by `npm run papers:sync`, read by the build. */
export const PAPERS_METADATA_FILE = 'papers-metadata.json';

export const paperMetadataSchema = z.object({
  title: z.string().min(1),
  authors: z.array(z.string().min(1)),
  abstract: z.string(),
  /** `YYYY-MM-DD` of the first version and of the latest one. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type PaperMetadata = z.infer<typeof paperMetadataSchema>;

const fileSchema = z.object({ version: z.literal(1), papers: z.record(z.string(), paperMetadataSchema) });
export type PapersMetadataFile = z.infer<typeof fileSchema>;

export const papersMetadataPath = (contentRoot: string) => path.join(contentRoot, PAPERS_METADATA_FILE);

/** The committed metadata by arXiv id; empty when the file does not exist. A malformed file names itself and what is wrong. */
export function readPapersMetadata(contentRoot: string): Map<string, PaperMetadata> {
  const file = papersMetadataPath(contentRoot);
  if (!existsSync(file)) return new Map();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return new Map(Object.entries(parsed.data.papers));
}

/** The file's text: ids sorted, two-space indent, trailing newline, so a re-run changes nothing and diffs stay small. */
export function serializePapersMetadata(papers: Map<string, PaperMetadata>): string {
  const sorted = Object.fromEntries([...papers].sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: 1, papers: sorted } satisfies PapersMetadataFile, null, 2)}\n`;
}
