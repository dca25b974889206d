import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { formatProblem } from '@/lib/content/source/problems';
import { png, writeContent } from '@/tests/support/content';

/**
 * One "build step" (the content check, a build worker, post-build) in a fresh
 * module graph: nothing survives from the last one but the cache folder, as
 * between the processes of one `next build` and between two builds.
 */
async function step(root: string) {
  vi.resetModules();
  const { buildIndex } = await import('@/lib/content/index/content-index');
  const { buildSearchDocuments } = await import('@/lib/search/documents');
  const { checkContent } = await import('@/lib/content/check');
  const index = buildIndex(root, undefined, { drafts: true });
  const { problems } = await checkContent(root);
  return {
    titles: index.reviews.map((review) => review.title).sort(),
    papers: index.papers.map((paper) => paper.name).sort(),
    search: buildSearchDocuments(index)
      .map((doc) => `${doc.id} ${doc.title} | ${doc.text}`)
      .sort(),
    problems: problems.map((problem) => formatProblem(problem, root)),
  };
}

const review = (title: string, paper: string, sentence: string, extra = '') =>
  [`# ${title}`, '', `## 1. [${paper}](https://arxiv.org/abs/2501.0000${paper.length % 10})`, '', sentence, '', extra].join('\n');

describe('one parse per review file per build', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = mkdtempSync(path.join(tmpdir(), 'parsed-cache-'));
    vi.stubEnv('CONTENT_CACHE_DIR', cacheDir);
    vi.stubEnv('CONTENT_PIPELINE_VERSION', 'pipeline-1');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const parsedEntries = () => readdirSync(path.join(cacheDir, 'parsed')).filter((name) => !name.endsWith('.tmp'));
  /** Rewrites the text of every cached parse, so a step that reads the cache instead of parsing shows it. */
  const poison = (from: string, to: string) => {
    for (const name of parsedEntries()) {
      const file = path.join(cacheDir, 'parsed', name);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll(from, to));
    }
  };

  test('later steps read what the first parsed; an edited review is parsed again and the index, search and check all see the edit', async () => {
    const root = writeContent({
      'r/20250101.mdx': review('Alpha week', 'AlphaNet', 'Alpha sentence.'),
      'r/20250108.mdx': review('Beta week', 'BetaNet', 'Beta sentence.'),
    });
    const first = await step(root);
    expect(first.titles).toEqual(['Alpha week', 'Beta week']);
    expect(first.search.some((doc) => doc.includes('Alpha sentence.'))).toBe(true);
    expect(first.problems).toEqual([]);
    expect(parsedEntries()).toHaveLength(2);

    // Unchanged files: the next step takes the cached parse (marked here so it shows) for the index and for search.
    poison('Beta week', 'Beta from the cache');
    poison('Beta sentence.', 'Beta cached sentence.');
    const cached = await step(root);
    expect(cached.titles).toEqual(['Alpha week', 'Beta from the cache']);
    expect(cached.search.some((doc) => doc.includes('Beta cached sentence.'))).toBe(true);

    // One review edited: a new title, a new paper, a new sentence and a link to a heading that does not exist.
    writeFileSync(
      path.join(root, 'r/20250101.mdx'),
      review('Gamma week', 'GammaNet', 'Gamma sentence.', 'See [the other](/docs/r/20250108#nowhere).\n'),
    );
    const edited = await step(root);
    expect(edited.titles).toEqual(['Beta from the cache', 'Gamma week']);
    expect(edited.papers).toEqual(['BetaNet', 'GammaNet']);
    expect(edited.search.some((doc) => doc.includes('Gamma sentence.'))).toBe(true);
    expect(edited.search.some((doc) => /Alpha/.test(doc))).toBe(false);
    // The problem is located exactly as a fresh parse locates it.
    expect(edited.problems).toEqual(['r/20250101.mdx:7:5 broken anchor "/docs/r/20250108#nowhere": r/20250108 has no heading with id "nowhere"']);
    expect(parsedEntries()).toHaveLength(3);

    // A new pipeline version (changed parser code or dependencies) parses everything again.
    vi.stubEnv('CONTENT_PIPELINE_VERSION', 'pipeline-2');
    expect((await step(root)).titles).toEqual(['Beta week', 'Gamma week']);
  });

  test('a review whose image appears after its parse is parsed again: its missing-image problem goes away', async () => {
    const body = ["import pic from './asset/p.png';", '', review('Pic week', 'PicNet', 'Pic sentence.', '<img src={pic.src} width={pic.width} />\n')].join(
      '\n',
    );
    const root = writeContent({ 'r/20250101.mdx': body });
    const missing = await step(root);
    expect(missing.problems).toEqual([expect.stringMatching(/^r\/20250101\.mdx:1:1 missing asset/)]);

    mkdirSync(path.join(root, 'r/asset'));
    writeFileSync(path.join(root, 'r/asset/p.png'), png(12, 7));
    expect((await step(root)).problems).toEqual([]);
  });

  test('a cached parse equals a fresh one: same review, same problems, same search documents', async () => {
    const root = writeContent({
      'r/20250101.mdx': review('Alpha week', 'AlphaNet', 'Alpha sentence.', '## Notes {#notes}\n\nSee [missing](/docs/r/none).\n'),
      'r/20250108.md': '---\ntitle: [unclosed\n---\n\n# Broken front matter\n',
    });
    vi.stubEnv('CONTENT_PIPELINE_VERSION', '');
    const fresh = await step(root);
    vi.stubEnv('CONTENT_PIPELINE_VERSION', 'pipeline-1');
    const writing = await step(root);
    const reading = await step(root);
    expect(writing).toEqual(fresh);
    expect(reading).toEqual(fresh);
    expect(fresh.problems).toContainEqual(expect.stringMatching(/^r\/20250108\.md:2:\d+ front matter: /));
    expect(fresh.problems).toContainEqual('r/20250101.mdx:9:5 broken link "/docs/r/none": no review at /docs/r/none');
  });
});

describe('search documents from the shared parse', () => {
  test("equal a separate parse of each file, for the project's own reviews", async () => {
    vi.resetModules();
    const { buildIndex } = await import('@/lib/content/index/content-index');
    const { buildSearchDocuments, parseTree, reviewDocuments } = await import('@/lib/search/documents');
    const index = buildIndex(path.join(process.cwd(), 'content'), undefined, { drafts: true });
    const separate = index.reviews
      .filter((review) => review.parsed)
      .flatMap((review) => reviewDocuments(review, parseTree(readFileSync(review.file, 'utf8'), review.file)));
    expect(separate.length).toBeGreaterThan(index.reviews.length);
    expect(buildSearchDocuments(index)).toEqual(separate);
  });
});
