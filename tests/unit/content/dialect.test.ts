import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { png, writeContent } from '@/tests/support/content';
import { renderFixture } from '@/tests/support/render';

const root = path.resolve('tests/fixtures/dialect');
const slug = 'papers/y2025/nov/20251121';
let html = '';

beforeAll(async () => {
  html = await renderFixture(root, slug);
});

/** The HTML of the section that starts at a heading id, up to the next h2. */
function section(id: string): string {
  const start = html.lastIndexOf('<', html.indexOf(`id="${id}"`));
  expect(start, `heading #${id}`).toBeGreaterThan(-1);
  const end = html.indexOf('<h2', start + 1);
  return html.slice(start, end === -1 ? undefined : end);
}

describe('1. ESM image imports', () => {
  test('an imported image renders with its served URL and intrinsic size inside the centred div', () => {
    expect(html).toMatch(
      /<div style="text-align:center"><img src="\/content-assets\/papers\/y2025\/nov\/asset\/fig\.png\?v=[0-9a-f]{10}" style="width:500px" width="40" height="20"/,
    );
  });

  test('a Markdown image next to the review gets the same URL and size', () => {
    expect(html).toMatch(/<img[^>]*src="\/content-assets\/papers\/y2025\/nov\/asset\/fig\.png\?v=[0-9a-f]{10}"[^>]*width="40" height="20" alt="diagram"/);
  });

  test('expressions run (blockJS off) but dangerous ones are still stripped', async () => {
    const content = writeContent({
      'r/20250101.mdx': [
        "import pic from './asset/p.png';",
        '',
        '## 1. [P](https://arxiv.org/abs/2501.00001)',
        '',
        '<p data-sum={1 + 2}>{pic.width}x{pic.height}</p>',
        '',
      ].join('\n'),
      'r/asset/p.png': png(12, 7),
    });
    const out = await renderFixture(content, 'r/20250101');
    expect(out).toContain('<p data-sum="3">12x7</p>');
  });

  test('dangerous expressions are refused with their location, never evaluated', async () => {
    const content = writeContent({ 'r/20250101.mdx': ['## 1. P', '', 'Home is <b>{process.env.HOME}</b>'].join('\n') });
    await expect(renderFixture(content, 'r/20250101')).rejects.toThrow(/r\/20250101\.mdx:3:13 Security: Access to 'process' properties is not allowed/);
  });
});

describe('2. admonitions', () => {
  test(':::tip[Title] with Markdown inside', () => {
    expect(html).toContain(
      '<aside class="admonition admonition-tip" data-admonition="tip"><p class="admonition-title">핵심 요약</p><ul>\n<li><strong>bold</strong> item</li>',
    );
  });

  test('legacy :::info Title form', () => {
    expect(html).toContain('<aside class="admonition admonition-info" data-admonition="info"><p class="admonition-title">Legacy title</p>');
  });

  test('every kind renders, untitled ones named after their kind', async () => {
    const kinds = ['note', 'tip', 'info', 'warning', 'danger', 'caution'];
    const content = writeContent({
      'r/20250101.mdx': ['## 1. P', '', ...kinds.flatMap((kind) => [`:::${kind}`, '', `${kind} body`, '', ':::', ''])].join('\n'),
    });
    const out = await renderFixture(content, 'r/20250101');
    for (const kind of kinds) {
      expect(out).toContain(`<aside class="admonition admonition-${kind}" data-admonition="${kind}"><p class="admonition-title">${kind}</p><p>${kind} body</p></aside>`);
    }
  });
});

describe('3. paper headings', () => {
  test('badges stay inside the heading and the paper row follows it', () => {
    expect(section('1-gdpo-nvidia')).toContain(
      '<h2 id="1-gdpo-nvidia" data-paper-id="arxiv:2601.05242" class="paper-heading group">1. <a href="https://huggingface.co/papers/2601.05242" rel="noopener noreferrer">GDPO</a> <code>nvidia</code>',
    );
    expect(section('1-gdpo-nvidia')).toMatch(
      /<\/h2><div class="paper-row not-prose" data-paper-row="arxiv:2601\.05242" data-no-highlight="true">.*data-bookmark="arxiv:2601\.05242".*<a href="https:\/\/arxiv\.org\/abs\/2601\.05242"/s,
    );
    expect(section('2-sam-3d-meta-nyu')).toContain('<code>meta</code> <code>nyu</code>');
    expect(section('3-mimo-embodied-xiaomi')).toContain('data-paper-id="papers/y2025/nov/20251121#3-mimo-embodied-xiaomi"');
  });
});

describe('4. math', () => {
  test('inline math, also inside a blockquote, and display math are KaTeX HTML', () => {
    expect(html).toContain('<annotation encoding="application/x-tex">\\mathcal{D}^{(t)}</annotation>');
    expect(html).toMatch(/<blockquote>\s*<p>인용 안의 수식 <span class="katex">.*?x\^2<\/annotation>/s);
    expect(html).toMatch(/<span class="katex-display"><span class="katex">.*?E = mc\^2/s);
  });
});

describe('5. GFM', () => {
  test('bare URL stops before the trailing prose', () => {
    expect(html).toContain('See <a href="https://ai.meta.com/sam3d/" rel="noopener noreferrer">https://ai.meta.com/sam3d/</a> try, try!');
  });
  test('table, strikethrough, task list, nested list', () => {
    expect(html).toContain('<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>');
    expect(html).toContain('<del>old</del>');
    // The read-only boxes carry a name (axe: every form control has a label).
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" disabled="" aria-label="Done" checked=""/> done</li>');
    expect(html).toMatch(/todo\s*<ul>\s*<li>nested item<\/li>/);
  });
  test('code is highlighted at build time for both themes; a block without language is plain', () => {
    expect(html).toContain('<pre class="shiki shiki-themes github-light github-dark-default"');
    expect(html).toContain('<span style="--shiki-light:#D73A49;--shiki-dark:#FF7B72">def</span>');
    expect(html).toContain('<code><span class="line"><span>plain block</span></span></code>');
    expect(html).not.toContain('<script');
  });
});

describe('6. Korean emphasis', () => {
  test("**'메타 에이전트'**라는 is bold", () => {
    expect(html).toContain('<strong>&#x27;메타 에이전트&#x27;</strong>라는');
  });
});

describe('7. heading ids', () => {
  test('Hangul kept, repeats suffixed, each heading links to itself', () => {
    expect(html).toContain('<h3 id="요약" class="group">요약<a href="#요약" class="heading-anchor" aria-label="Link to this heading" data-no-highlight="true">#</a></h3>');
    expect(html).toContain('<h3 id="요약-1" class="group">요약<a href="#요약-1"');
  });
});

describe('explicit heading ids {#id}', () => {
  test('are used as the id and taken off the text, in .mdx and .md; a code block keeps them verbatim', async () => {
    const body = [
      '# Week {#week}',
      '',
      '## 1. [GDPO](https://huggingface.co/papers/2601.05242) `nvidia` {#gdpo}',
      '',
      '### 요약 {#summary-ko}',
      '',
      '### 요약',
      '',
      '```md',
      '## Not a heading {#kept}',
      '```',
    ].join('\n');
    const content = writeContent({ 'r/20251201.mdx': body, 'r/20251202.md': body });
    for (const slug of ['r/20251201', 'r/20251202']) {
      const out = await renderFixture(content, slug);
      expect(out, slug).toContain('<h3 id="summary-ko" class="group">요약<a href="#summary-ko"');
      // The slugger never saw the explicit one, as in Docusaurus: the plain repeat gets the plain slug.
      expect(out, slug).toContain('<h3 id="요약" class="group">요약<a href="#요약"');
      expect(out, slug).toMatch(/<h2 id="gdpo"[^>]*>/);
      expect(out, slug).not.toContain('{#gdpo}');
      expect(out, slug).toContain('{#kept}');
    }
    const { buildIndex } = await import('@/lib/content/index/content-index');
    const index = buildIndex(content, undefined, { drafts: true });
    expect(index.bySlug.get('r/20251201')!.papers[0]).toMatchObject({ paperId: 'arxiv:2601.05242', anchor: 'gdpo', orgs: ['nvidia'], name: 'GDPO' });
    expect(index.bySlug.get('r/20251201')!.title).toBe('Week');
  });
});

describe('8. raw JSX, comments, prose colons', () => {
  test('details, br and comments', () => {
    expect(section('3-mimo-embodied-xiaomi')).toContain('<details><summary>더 보기</summary><p>Hidden <strong>text</strong>.</p></details>');
    expect(html).toContain('<br/>');
    expect(html).not.toContain('an html comment');
    expect(html).not.toContain('an mdx comment');
  });
  test('a colon in prose is not eaten as a directive', () => {
    expect(html).toContain('<p>비율 3:1 은 그대로.</p>');
  });
});

describe('.md files', () => {
  test('render as Markdown with the same extensions, raw HTML included', async () => {
    const content = writeContent({
      'r/20250101.md': ['## 1. [P](https://arxiv.org/abs/2501.00001) `org`', '', ':::tip', '', 'A **tip** with $x$.', '', ':::', '', 'Line<br>break and <kbd>Ctrl</kbd>.'].join('\n'),
    });
    const out = await renderFixture(content, 'r/20250101');
    expect(out).toContain('<code>org</code>');
    expect(out).toMatch(/<aside class="admonition admonition-tip"[^>]*><p class="admonition-title">tip<\/p><p>A <strong>tip<\/strong> with <span class="katex">/);
    expect(out).toContain('<p>Line<br/>break and <kbd>Ctrl</kbd>.</p>');
  });
});

describe('papers reviewed more than once', () => {
  test('the row under the heading links to the other reviews', async () => {
    const content = writeContent({
      'r/20251001.mdx': '# October\n\n## 1. [GDPO](https://huggingface.co/papers/2601.05242) `nvidia`',
      'r/20251101.mdx': '# November\n\n## 3. [GDPO again](https://arxiv.org/abs/2601.05242v2)\n\n## 4. [Other](https://arxiv.org/abs/2601.00001)',
    });
    const out = await renderFixture(content, 'r/20251101');
    expect(out).toContain('<span class="also-in">Also reviewed in <span><a href="/docs/r/20251001#1-gdpo-nvidia">October</a> (Oct 1, 2025)</span></span>');
    expect(out.match(/Also reviewed in/g)).toHaveLength(1);
  });
});
