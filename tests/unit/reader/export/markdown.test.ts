import type { Element, ElementContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { markdownChunks, toMarkdown, type ExportPaper } from '@/lib/reader/export/markdown';
import { siteConfig } from '@/lib/config/site';

const at = (iso: string) => new Date(iso);

const papers: ExportPaper[] = [
  {
    paperId: 'arxiv:2601.05242',
    name: 'GDPO: 50% & $x_1$ [v2]',
    orgs: ['nvidia', 'cmu'],
    arxivId: '2601.05242',
    reviewTitle: '11월 21일 리뷰',
    reviewUrl: 'https://papers.example/docs/papers/y2025/nov/20251121#1-gdpo-v2-notes-nvidia-cmu',
    bookmarkedAt: at('2025-11-21T08:00:00.000Z'),
    status: 'READING',
    notes: [
      { body: '# My take\n\n- **fast**\n- $O(n)$', createdAt: at('2025-11-21T09:30:00.000Z'), updatedAt: at('2025-11-21T09:30:00.000Z') },
      { body: 'Second thought.\n', createdAt: at('2025-11-22T10:00:00.000Z'), updatedAt: at('2025-11-23T11:15:00.000Z') },
    ],
  },
  {
    paperId: 'papers/y2025/nov/20251121#2-search-self-play',
    name: 'Search Self-Play',
    orgs: [],
    arxivId: null,
    reviewTitle: '11월 21일 리뷰',
    reviewUrl: 'https://papers.example/docs/papers/y2025/nov/20251121#2-search-self-play',
    bookmarkedAt: at('2025-11-20T08:00:00.000Z'),
    status: null,
    notes: [{ body: '```py\nprint(1)', createdAt: at('2025-11-20T09:00:00.000Z'), updatedAt: at('2025-11-20T09:00:00.000Z') }],
  },
  {
    paperId: 'papers/gone#1-x',
    name: 'papers/gone#1-x',
    orgs: [],
    arxivId: null,
    reviewTitle: null,
    reviewUrl: null,
    bookmarkedAt: at('2025-01-02T00:00:00.000Z'),
    status: 'READ',
    notes: [],
  },
];

describe('Markdown export', () => {
  test('exact text: one section per paper with badges, absolute review link, status and notes as written, each in its own code block', () => {
    expect(toMarkdown(papers, at('2025-11-24T12:00:00.000Z'))).toBe(
      [
        `# ${siteConfig.name}: bookmarked papers`,
        '',
        'Exported 2025-11-24 · 3 papers',
        '',
        '## GDPO: 50% \\& \\$x\\_1\\$ \\[v2\\]',
        '',
        '`nvidia` `cmu`',
        '',
        '- Review: [11월 21일 리뷰](https://papers.example/docs/papers/y2025/nov/20251121#1-gdpo-v2-notes-nvidia-cmu)',
        '- arXiv: [2601.05242](https://arxiv.org/abs/2601.05242)',
        '- Status: Reading',
        '- Bookmarked: 2025-11-21',
        '',
        '### Notes',
        '',
        '#### 2025-11-21 09:30 UTC',
        '',
        '```markdown',
        '# My take',
        '',
        '- **fast**',
        '- $O(n)$',
        '```',
        '',
        '#### 2025-11-22 10:00 UTC (edited 2025-11-23 11:15 UTC)',
        '',
        '```markdown',
        'Second thought.',
        '```',
        '',
        '## Search Self-Play',
        '',
        '- Review: [11월 21일 리뷰](https://papers.example/docs/papers/y2025/nov/20251121#2-search-self-play)',
        '- Status: Not set',
        '- Bookmarked: 2025-11-20',
        '',
        '### Notes',
        '',
        '#### 2025-11-20 09:00 UTC',
        '',
        // A fence longer than any backtick run in the note: its own unclosed fence cannot end the block.
        '````markdown',
        '```py',
        'print(1)',
        '````',
        '',
        '## papers/gone\\#1-x',
        '',
        '- Review: none (`papers/gone#1-x` is no longer in any review)',
        '- Status: Read',
        '- Bookmarked: 2025-01-02',
        '',
      ].join('\n'),
    );
  });

  test('streams one chunk per paper after the header', () => {
    expect([...markdownChunks(papers, new Date())]).toHaveLength(4);
    expect(toMarkdown([], at('2025-11-24T00:00:00.000Z'))).toBe(
      `# ${siteConfig.name}: bookmarked papers\n\nExported 2025-11-24 · 0 papers\n`,
    );
  });
});

const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

/** Every h2 the Markdown renders to, through remark (GFM, math) and raw HTML parsed as a browser would (rehype-raw). */
async function renderedSectionHeadings(markdown: string): Promise<string[]> {
  const tree = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .run(unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(markdown));
  const headings: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'h2') headings.push(textOf(node));
  });
  return headings;
}

describe('Markdown export: a note cannot hide what follows it', () => {
  const hostile = [
    '<!-- unclosed comment',
    '<pre>unclosed pre',
    '<textarea>',
    '<script>let x = 1;',
    '<style>',
    '<?php echo 1;',
    '<![CDATA[ open',
    '<!DOCTYPE x',
    '<div>\nno blank line ends this\n## Fake',
    '```',
    '````md\n```\nstill open',
    '~~~',
    '    indented\n```',
    '> ```\n> quoted fence',
    '$$\n\\sum open math',
    'text <xmp> inline',
    '<plaintext>',
    '- list\n  ```\n  open inside a list',
    '[^1]: footnote\n\n[link]: javascript:alert(1)',
    '````````````````````',
    'ends with a backslash \\',
    'carriage\r```\rreturns',
  ];
  const exportedAt = at('2025-11-24T12:00:00.000Z');
  const paper = (i: number, body: string): ExportPaper => ({
    paperId: `arxiv:2601.0${1000 + i}`,
    name: `Paper ${i}`,
    orgs: [],
    arxivId: `2601.0${1000 + i}`,
    reviewTitle: 'Review',
    reviewUrl: `https://papers.example/docs/r#${i}`,
    bookmarkedAt: null,
    status: null,
    notes: [{ body, createdAt: exportedAt, updatedAt: exportedAt }],
  });

  test.each(hostile.map((body, i) => [JSON.stringify(body), i, body] as const))(
    '%s: every later paper keeps its section',
    async (_, i, body) => {
      const list = [paper(0, body), paper(1, 'plain'), paper(2, body), paper(3, 'last')];
      expect(await renderedSectionHeadings(toMarkdown(list, exportedAt)), `note ${i}`).toEqual([
        'Paper 0',
        'Paper 1',
        'Paper 2',
        'Paper 3',
      ]);
    },
  );

  test('all of them in one file, and the note text comes through unchanged', async () => {
    const list = hostile.map((body, i) => paper(i, body));
    const markdown = toMarkdown(list, exportedAt);
    expect(await renderedSectionHeadings(markdown)).toEqual(list.map((p) => p.name));
    const tree = unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(markdown);
    const code: string[] = [];
    visit(tree, 'code', (node) => {
      code.push(node.value);
    });
    expect(code).toEqual(hostile.map((body) => body.replace(/\r\n?/g, '\n')));
  });
});
