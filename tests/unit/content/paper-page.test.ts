import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { PaperPageView } from '@/components/paper/paper-page';
import { buildIndex } from '@/lib/content/index/content-index';
import { paperPage } from '@/lib/content/index/paper-pages';
import { writeContent } from '@/tests/support/content';

// The HTML the build prerenders for /papers/<id>, from a content folder whose papers-metadata.json has one paper.
const review = [
  '# Review',
  '## 1. [Agent0](https://huggingface.co/papers/2511.16043) `unc`',
  '### Agent0: Self-Evolving Agents',
  'Agent0 grows two agents from one model. Code at [repo](https://github.com/aiming-lab/Agent0).',
  '## 2. [Other](https://arxiv.org/abs/2510.00001) `unc`',
  'Other text.',
].join('\n\n');
const agent0 = {
  title: 'Agent0: Unleashing Self-Evolving Agents from Zero Data via Tool-Integrated Reasoning',
  authors: ['Peng Xia', 'Kaide Zeng'],
  abstract: 'Large Language Model Agents are constrained by human-curated data.',
  published: '2025-11-20',
  updated: '2025-11-24',
};

test('a synced paper shows its full title, authors, abstract, dates, links, its review with the first paragraph, and its org', () => {
  const root = writeContent({
    'papers/y2025/nov/20251121.mdx': review,
    'papers-metadata.json': JSON.stringify({ version: 1, papers: { '2511.16043': agent0 } }),
  });
  const page = paperPage('2511.16043', buildIndex(root, undefined, { drafts: false }))!;
  const html = renderToStaticMarkup(createElement(PaperPageView, page));
  expect(html).toContain('<h1 class="mt-1 text-3xl font-bold tracking-tight break-words">Agent0</h1>');
  expect(html).toContain(agent0.title);
  expect(html).toContain('Peng Xia, Kaide Zeng');
  expect(html).toContain(agent0.abstract);
  expect(html).toContain('<time dateTime="2025-11-20">Nov 20, 2025</time>');
  expect(html).toContain('<time dateTime="2025-11-24">Nov 24, 2025</time>');
  for (const href of [
    'https://arxiv.org/abs/2511.16043',
    'https://arxiv.org/pdf/2511.16043',
    'https://huggingface.co/papers/2511.16043',
    'https://github.com/aiming-lab/Agent0',
    '/docs/papers/y2025/nov/20251121#1-agent0-unc',
    '/papers/2510.00001',
  ])
    expect(html).toContain(`href="${href}"`);
  expect(html).toContain('Agent0 grows two agents from one model. Code at repo.');

  // Without metadata: the review's own subtitle, no authors, abstract or dates.
  const other = renderToStaticMarkup(createElement(PaperPageView, paperPage('2510.00001', buildIndex(root, undefined, { drafts: false }))));
  expect(other).not.toContain('Abstract');
  expect(other).not.toContain('<time');
  expect(other).toContain('Other text.');
});
