import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { contentPipelineVersion } from '@/lib/content/pipeline-version';
import { png, writeContent } from '@/tests/support/content';

// Each "build" is a fresh module graph: nothing survives from the last one but the cache folder, as between two `next build`s.
async function build(root: string, slug: string): Promise<string> {
  vi.resetModules();
  const { renderFixture } = await import('@/tests/support/render');
  return renderFixture(root, slug);
}

const review = (sentence: string) =>
  ["import pic from './asset/p.png';", '', '## 1. [P](https://arxiv.org/abs/2501.00001)', '', sentence, '', '<img src={pic.src} width={pic.width} />', ''].join(
    '\n',
  );

describe('the build cache of compiled reviews', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = mkdtempSync(path.join(tmpdir(), 'build-cache-'));
    vi.stubEnv('CONTENT_CACHE_DIR', cacheDir);
    vi.stubEnv('CONTENT_PIPELINE_VERSION', 'pipeline-1');
  });
  afterEach(() => vi.unstubAllEnvs());

  const entries = () => readdirSync(path.join(cacheDir, 'mdx'));
  /** Rewrites every cached entry's text, so a build that reads the cache shows it. */
  const poison = (from: string, to: string) => {
    for (const name of entries()) {
      const file = path.join(cacheDir, 'mdx', name);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll(from, to));
    }
  };

  test('a second build reads the compiled review; an edit to the review, its image or the pipeline is compiled again', async () => {
    const root = writeContent({ 'r/20250101.mdx': review('First sentence.'), 'r/asset/p.png': png(12, 7) });
    expect(await build(root, 'r/20250101')).toContain('First sentence.');
    expect(entries()).toHaveLength(1);

    // Unchanged inputs: the next build uses what the cache holds (marked here so it shows).
    poison('First sentence.', 'Served from the cache.');
    expect(await build(root, 'r/20250101')).toContain('Served from the cache.');

    // The review edited: compiled again, the new text shown.
    writeFileSync(path.join(root, 'r/20250101.mdx'), review('Second sentence.'));
    const edited = await build(root, 'r/20250101');
    expect(edited).toContain('Second sentence.');
    expect(edited).toContain('width="12"');
    expect(entries()).toHaveLength(2);

    // The imported image replaced by one of another size: its new width shows.
    poison('Second sentence.', 'Stale.');
    writeFileSync(path.join(root, 'r/asset/p.png'), png(30, 7));
    const reimaged = await build(root, 'r/20250101');
    expect(reimaged).toContain('width="30"');
    expect(reimaged).toContain('Second sentence.');

    // A new pipeline (its code or a dependency changed): nothing from the old one is used.
    poison('Second sentence.', 'Stale.');
    vi.stubEnv('CONTENT_PIPELINE_VERSION', 'pipeline-2');
    expect(await build(root, 'r/20250101')).toContain('Second sentence.');
  });

  test('without a pipeline version (next dev, tests) nothing is written', async () => {
    vi.stubEnv('CONTENT_PIPELINE_VERSION', '');
    const root = writeContent({ 'r/20250101.mdx': review('Dev sentence.'), 'r/asset/p.png': png(12, 7) });
    expect(await build(root, 'r/20250101')).toContain('Dev sentence.');
    expect(() => entries()).toThrow(/ENOENT/);
  });
});

describe('contentPipelineVersion', () => {
  test('changes when the compiler code or the lockfile changes, and only then', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pipeline-'));
    mkdirSync(path.join(root, 'lib/content/render'), { recursive: true });
    writeFileSync(path.join(root, 'lib/content/render/mdx-options.ts'), 'export const a = 1;');
    writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    writeFileSync(path.join(root, 'README.md'), 'docs');
    const first = contentPipelineVersion(root);
    expect(contentPipelineVersion(root)).toBe(first);
    writeFileSync(path.join(root, 'README.md'), 'other docs');
    expect(contentPipelineVersion(root)).toBe(first);
    writeFileSync(path.join(root, 'lib/content/render/mdx-options.ts'), 'export const a = 2;');
    const second = contentPipelineVersion(root);
    expect(second).not.toBe(first);
    writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(contentPipelineVersion(root)).not.toBe(second);
  });
});
