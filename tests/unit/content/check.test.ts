import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { checkContent, reviewErrors, reviewWarnings } from '@/lib/content/check';
import { buildIndex } from '@/lib/content/index/content-index';
import { sourceFrame } from '@/lib/content/source/frame';
import { formatProblem, type ContentProblem } from '@/lib/content/source/problems';
import { png, writeContent } from '@/tests/support/content';

const paper = '## 1. [P](https://arxiv.org/abs/2501.00001)';
const target = ['# Target', '', '## 2. Search Self-Play', '', 'Body.'].join('\n');

/** Checks a content folder and returns its problems as an author sees them, paths relative to the folder. */
async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  const root = writeContent(files);
  const { problems } = await checkContent(root);
  return problems.map((problem) => formatProblem(problem, root));
}

describe('content:check', () => {
  test('clean content has no problems, including links by URL, by relative path, by file and to a folder', async () => {
    const problems = await problemsOf({
      'papers/y2025/oct/20251027.mdx': target,
      'papers/y2025/nov/20251121.mdx': [
        "import img from './asset/a.png';",
        '',
        paper,
        '',
        '<img src={img} />',
        '',
        '[a](/docs/papers/y2025/oct/20251027#2-search-self-play) [b](../oct/20251027#2-search-self-play) [c](../oct/20251027.mdx#2-search-self-play) [d](/docs/papers/y2025/oct) [e](#1-p) [f](/papers) [g](https://example.com/x)',
      ].join('\n'),
      'papers/y2025/nov/asset/a.png': png(2, 2),
    });
    expect(problems).toEqual([]);
  });

  test.each([
    {
      kind: 'MDX syntax error',
      file: [paper, '', 'Text', '', '<div>', '', 'never closed'].join('\n'),
      expected: /^r\/20251121\.mdx:5:1 Expected a closing tag for `<div>`/,
    },
    {
      kind: 'missing imported asset',
      file: ['', "import img from './asset/missing.png';", '', paper].join('\n'),
      expected: /^r\/20251121\.mdx:2:1 missing asset "\.\/asset\/missing\.png"/,
    },
    {
      kind: 'missing Markdown image',
      file: [paper, '', 'See ![x](./asset/gone.png)'].join('\n'),
      expected: /^r\/20251121\.mdx:3:5 missing asset "\.\/asset\/gone\.png"/,
    },
    {
      kind: 'import of something that is not an image',
      file: ["import CodeBlock from '@theme/CodeBlock';", '', paper].join('\n'),
      expected: /^r\/20251121\.mdx:1:1 cannot import "@theme\/CodeBlock"/,
    },
    {
      kind: 'link to a review that does not exist',
      file: [paper, '', 'See [last week](/docs/papers/y2025/oct/20251020).'].join('\n'),
      expected: /^r\/20251121\.mdx:3:5 broken link "\/docs\/papers\/y2025\/oct\/20251020": no review/,
    },
    {
      kind: 'link to an anchor that does not exist',
      file: [paper, '', '', '  [x](/docs/r/20251027#3-search-self-play)'].join('\n'),
      expected: /^r\/20251121\.mdx:4:3 broken anchor "\/docs\/r\/20251027#3-search-self-play": r\/20251027 has no heading with id "3-search-self-play"/,
    },
    {
      kind: 'same-page anchor that does not exist',
      file: [paper, '', '[up](#1-gdpo)'].join('\n'),
      expected: /^r\/20251121\.mdx:3:1 broken anchor "#1-gdpo"/,
    },
    {
      kind: 'invalid math',
      file: [paper, '', 'Broken $\\frac{a}{$ math'].join('\n'),
      expected: /^r\/20251121\.mdx:3:8 .*KaTeX parse error/,
    },
    {
      kind: 'review without any paper',
      file: '# Only prose\n\nNo papers here.',
      expected: /^r\/20251121\.mdx:1:1 no paper found/,
    },
    {
      kind: 'broken front matter',
      file: ['---', 'title: ok', 'tags: [a, b', '---', '', paper].join('\n'),
      expected: /^r\/20251121\.mdx:\d+:\d+ front matter: /,
    },
  ])('$kind', async ({ file, expected }) => {
    const problems = await problemsOf({ 'r/20251027.mdx': target, 'r/20251121.mdx': file });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  test('a review without a date', async () => {
    expect(await problemsOf({ 'r/notes.mdx': paper })).toEqual([expect.stringMatching(/^r\/notes\.mdx:1:1 no date/)]);
  });

  test('every problem in every file is reported, sorted by file and line', async () => {
    const problems = await problemsOf({
      'a/20250101.mdx': [paper, '', '[x](/docs/nowhere)', '', '![y](./nope.png)'].join('\n'),
      'b/20250102.mdx': 'No paper.',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['a/20250101.mdx:3:1', 'a/20250101.mdx:5:1', 'b/20250102.mdx:1:1']);
  });
});

describe('next build runs the same check', () => {
  test('the build phase of next.config refuses broken content and prints file:line:column', async () => {
    const root = writeContent({ 'r/20251121.mdx': [paper, '', '[x](/docs/nowhere)'].join('\n') });
    const { default: config } = await import('@/next.config');
    const previous = { dir: process.env.CONTENT_DIR, checked: process.env.PAPERS_CONTENT_CHECKED };
    process.env.CONTENT_DIR = root;
    // Valid deploy configuration, so the content check is what stops the build.
    vi.stubEnv('NEXTAUTH_SECRET', 'x'.repeat(32));
    vi.stubEnv('ALLOW_EMBEDDED_DATABASE', '1');
    vi.stubEnv('SITE_URL', 'http://localhost:3000');
    delete process.env.PAPERS_CONTENT_CHECKED;
    try {
      expect(() => config('phase-production-build')).toThrow(/Content check failed/);
      expect(() => config('phase-development-server')).not.toThrow();
    } finally {
      process.env.CONTENT_DIR = previous.dir;
      if (previous.dir === undefined) delete process.env.CONTENT_DIR;
      if (previous.checked !== undefined) process.env.PAPERS_CONTENT_CHECKED = previous.checked;
      vi.unstubAllEnvs();
    }
    void path;
  });
});

describe('one review in next dev: errors that stop it, warnings that do not', () => {
  test('a component without its import and bad math are errors; a broken link and anchor are warnings', async () => {
    const root = writeContent({
      'r/20250101.mdx': target,
      'r/20250102.mdx': [paper, '', '<Tabs>x</Tabs> and $\\frac{$', '', '[gone](/docs/r/nope) [anchor](/docs/r/20250101#nothing)'].join('\n'),
    });
    const index = buildIndex(root, undefined, { drafts: true });
    const review = index.bySlug.get('r/20250102')!;
    const show = (problems: ContentProblem[]) => problems.map((problem) => formatProblem(problem, root));
    expect(show(await reviewErrors(review, root))).toEqual([
      expect.stringMatching(/^r\/20250102\.mdx:3:1 `<Tabs>` is not defined: add `import Tabs from '@theme\/Tabs';`/),
      expect.stringMatching(/^r\/20250102\.mdx:3:\d+ KaTeX parse error/),
    ]);
    expect(show(reviewWarnings(review, index))).toEqual([
      'r/20250102.mdx:5:1 broken link "/docs/r/nope": no review at /docs/r/nope',
      'r/20250102.mdx:5:22 broken anchor "/docs/r/20250101#nothing": r/20250101 has no heading with id "nothing"',
    ]);
    expect(await reviewErrors(index.bySlug.get('r/20250101')!, root)).toEqual([]);
  });

  test('the source frame around a problem: two lines either side, the problem line marked', () => {
    const source = ['a', 'b', 'c', 'd', 'e', 'f'].join('\n');
    expect(sourceFrame(source, 3)).toEqual([
      { number: 1, text: 'a', marked: false },
      { number: 2, text: 'b', marked: false },
      { number: 3, text: 'c', marked: true },
      { number: 4, text: 'd', marked: false },
      { number: 5, text: 'e', marked: false },
    ]);
    expect(sourceFrame(source, 1).map((line) => line.number)).toEqual([1, 2, 3]);
    expect(sourceFrame(source, 99).filter((line) => line.marked)).toEqual([{ number: 6, text: 'f', marked: true }]);
  });
});
