import { describe, expect, test } from 'vitest';
import { arxivYear, bibtexChunks, citationKey, escapeBibtex, toBibtex, type BibtexPaper } from '@/lib/reader/export/bibtex';

const papers: BibtexPaper[] = [
  {
    paperId: 'arxiv:2510.12345',
    name: '{GDPO}: 50% & $x_1$ ~ résumé',
    arxivId: '2510.12345',
    reviewUrl: 'https://papers.example/docs/papers/y2025/nov/20251121#1-gdpo',
  },
  {
    paperId: 'papers/y2025/nov/20251121#2-search-self-play',
    name: 'Search Self-Play',
    arxivId: null,
    reviewUrl: 'https://papers.example/docs/papers/y2025/nov/20251121#2-search-self-play',
  },
  {
    paperId: 'arxiv:cs/0112017',
    name: 'An Old Paper on C# ^ \\ _',
    arxivId: 'cs/0112017',
    reviewUrl: 'https://papers.example/docs/papers/y2025/oct/20251027#3-old',
  },
];

describe('BibTeX export', () => {
  test('exact text: comment block for papers without arXiv id, one @misc per arXiv paper', () => {
    expect(toBibtex(papers)).toBe(
      [
        '% Papers without an arXiv id (no BibTeX entry):',
        '%   Search Self-Play: https://papers.example/docs/papers/y2025/nov/20251121#2-search-self-play',
        '',
        '@misc{arxiv2510_12345,',
        '  title = {{\\{GDPO\\}: 50\\% \\& \\$x\\_1\\$ \\textasciitilde{} résumé}},',
        '  eprint = {2510.12345},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2510.12345},',
        '  year = {2025}',
        '}',
        '',
        '@misc{arxivcs_0112017,',
        '  title = {{An Old Paper on C\\# \\textasciicircum{} \\textbackslash{} \\_}},',
        '  eprint = {cs/0112017},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/cs/0112017},',
        '  year = {2001}',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('one chunk per paper (streamed), keys independent of what else is exported', () => {
    expect([...bibtexChunks(papers)]).toHaveLength(3);
    expect(toBibtex([papers[2]!])).toContain('@misc{arxivcs_0112017,');
    expect(toBibtex([papers[2]!, papers[0]!, papers[0]!]).match(/@misc\{/g)).toHaveLength(2);
    expect(toBibtex([])).toBe('');
  });

  test('years and keys from arXiv ids', () => {
    expect(arxivYear('2510.12345')).toBe(2025);
    expect(arxivYear('0704.0001')).toBe(2007);
    expect(arxivYear('cs/0112017')).toBe(2001);
    expect(arxivYear('hep-th/9901001')).toBe(1999);
    expect(arxivYear('math.GT/0309136')).toBe(2003);
    expect(arxivYear('not-an-id')).toBeNull();
    expect(citationKey('math.GT/0309136')).toBe('arxivmath_GT_0309136');
  });

  test('unmatched braces cannot end the field early; whitespace is collapsed', () => {
    expect(escapeBibtex('a { b')).toBe('a \\textbraceleft{} b');
    expect(escapeBibtex('a } {b}')).toBe('a \\textbraceright{} \\{b\\}');
    expect(escapeBibtex(' two\n lines ')).toBe('two lines');
  });

  test('a paper in no review is still listed, and @ never starts an entry inside the comment', () => {
    expect(toBibtex([{ paperId: 'papers/x#1-a', name: 'Mail me @ home', arxivId: null, reviewUrl: null }])).toBe(
      '% Papers without an arXiv id (no BibTeX entry):\n%   Mail me (at) home: papers/x#1-a (no longer in any review)\n\n',
    );
  });

  test('with arXiv metadata: the real title, the authors joined by "and", the year of the first version', () => {
    const text = toBibtex([
      {
        paperId: 'arxiv:2511.16624',
        name: 'SAM 3D',
        arxivId: '2511.16624',
        reviewUrl: 'https://papers.example/docs/papers/y2025/nov/20251121#1-sam-3d',
        metadata: {
          title: 'SAM 3D: 3Dfy Anything in Images',
          authors: ['Xingyu Chen', 'José García_2', 'Meta {AI}'],
          published: '2025-12-01',
        },
      },
    ]);
    expect(text).toBe(
      [
        '@misc{arxiv2511_16624,',
        '  title = {{SAM 3D: 3Dfy Anything in Images}},',
        '  author = {Xingyu Chen and José García\\_2 and Meta \\{AI\\}},',
        '  eprint = {2511.16624},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2511.16624},',
        '  year = {2025}',
        '}',
        '',
      ].join('\n'),
    );
  });
});
