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
  test('exact text: one section per paper with badges, absolute review link, status and notes as written', () => {
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
        '# My take',
        '',
        '- **fast**',
        '- $O(n)$',
        '',
        '#### 2025-11-22 10:00 UTC (edited 2025-11-23 11:15 UTC)',
        '',
        'Second thought.',
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
        '```py',
        'print(1)',
        // Closed for the reader's note, or the next section would render as code.
        '```',
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
