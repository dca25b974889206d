import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { XMLParser } from 'fast-xml-parser';
import {
  paperMetadataSchema,
  papersMetadataPath,
  readPapersMetadata,
  serializePapersMetadata,
  type PaperMetadata,
} from '@/lib/content/papers-metadata';

/** The arXiv API (https://info.arxiv.org/help/api/); `ARXIV_API_URL` points elsewhere (tests use a local server). */
export const DEFAULT_ARXIV_API_URL = 'https://export.arxiv.org/api/query';

export type SyncOptions = {
  apiUrl?: string;
  /** Ids per request (arXiv asks for modest batches). */
  batchSize?: number;
  /** Pause between requests and base of the backoff between retries (arXiv asks for 3 s). */
  delayMs?: number;
  /** Attempts per request, counting the first. */
  attempts?: number;
  /** A request that takes longer is abandoned and retried. */
  timeoutMs?: number;
  log?: (line: string) => void;
};

// parseTagValue off: a title like `2048` stays text.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'entry' || name === 'author',
  trimValues: true,
});

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const oneLine = (value: unknown) => text(value).replace(/\s+/g, ' ').trim();

/** arXiv ids in an Atom answer, with what we keep of each. Error entries (an id arXiv does not know) are left out. */
export function parseArxivAtom(xml: string): Map<string, PaperMetadata> {
  const doc = parser.parse(xml) as { feed?: { entry?: Record<string, unknown>[] } };
  if (!doc.feed) throw new Error('arXiv answered something that is not an Atom feed');
  const found = new Map<string, PaperMetadata>();
  for (const entry of doc.feed.entry ?? []) {
    const id = /arxiv\.org\/abs\/(.+?)(?:v\d+)?$/.exec(text(entry.id))?.[1];
    if (!id) continue;
    const authors = ((entry.author as { name?: unknown }[] | undefined) ?? []).map((a) => oneLine(a.name)).filter(Boolean);
    const parsed = paperMetadataSchema.safeParse({
      title: oneLine(entry.title),
      authors,
      abstract: oneLine(entry.summary),
      published: text(entry.published).slice(0, 10),
      updated: text(entry.updated).slice(0, 10),
    });
    if (parsed.success) found.set(id, parsed.data);
  }
  return found;
}

class RetryableError extends Error {}

async function fetchBatch(ids: string[], options: Required<Omit<SyncOptions, 'log'>> & Pick<SyncOptions, 'log'>): Promise<Map<string, PaperMetadata>> {
  const url = `${options.apiUrl}?${new URLSearchParams({ id_list: ids.join(','), max_results: String(ids.length) }).toString()}`;
  for (let attempt = 1; ; attempt++) {
    try {
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: 'application/atom+xml' } });
      } catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : String(error);
        throw new RetryableError(reason);
      }
      if (response.status >= 500 || response.status === 429) throw new RetryableError(`HTTP ${response.status}`);
      if (!response.ok) throw new Error(`arXiv refused ${ids.join(', ')}: HTTP ${response.status}`);
      return parseArxivAtom(await response.text());
    } catch (error) {
      if (!(error instanceof RetryableError) || attempt >= options.attempts) {
        throw new Error(`arXiv request for ${ids.join(', ')} failed after ${attempt} attempt(s): ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      options.log?.(`  ${error.message}; retrying (${attempt + 1}/${options.attempts})`);
      await sleep(options.delayMs * attempt);
    }
  }
}

export type SyncResult = { fetched: string[]; skipped: string[]; missing: string[] };

/**
 * Fetches what arXiv says about every id not yet in `content/papers-metadata.json`
 * and writes the file after each batch (sorted, so re-runs change nothing and an
 * interrupted run keeps what it got). Ids arXiv does not know are reported, not written.
 */
export async function syncPapersMetadata(contentRoot: string, arxivIds: Iterable<string>, opts: SyncOptions = {}): Promise<SyncResult> {
  const options = {
    apiUrl: opts.apiUrl ?? process.env.ARXIV_API_URL ?? DEFAULT_ARXIV_API_URL,
    batchSize: opts.batchSize ?? 5,
    delayMs: opts.delayMs ?? 3000,
    attempts: opts.attempts ?? 4,
    timeoutMs: opts.timeoutMs ?? 30_000,
    log: opts.log,
  };
  const known = readPapersMetadata(contentRoot);
  const wanted = [...new Set(arxivIds)].sort();
  const skipped = wanted.filter((id) => known.has(id));
  const todo = wanted.filter((id) => !known.has(id));
  const result: SyncResult = { fetched: [], skipped, missing: [] };
  for (let i = 0; i < todo.length; i += options.batchSize) {
    if (i > 0) await sleep(options.delayMs);
    const batch = todo.slice(i, i + options.batchSize);
    options.log?.(`arXiv: ${batch.join(', ')}`);
    const found = await fetchBatch(batch, options);
    for (const id of batch) {
      const metadata = found.get(id);
      if (!metadata) {
        result.missing.push(id);
        continue;
      }
      known.set(id, metadata);
      result.fetched.push(id);
    }
    writeFileSync(papersMetadataPath(contentRoot), serializePapersMetadata(known));
  }
  if (!todo.length && !existsSync(papersMetadataPath(contentRoot))) writeFileSync(papersMetadataPath(contentRoot), serializePapersMetadata(known));
  return result;
}
