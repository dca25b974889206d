import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { buildIndex } from '@/lib/content/index/content-index';
import { formatProblem } from '@/lib/content/source/problems';
import { feedMdxComponents } from '@/components/review/mdx-components';
import { renderReview } from '@/components/review/review-body';
import { TableOfContents } from '@/components/review/table-of-contents';
import { png, writeContent } from '@/tests/support/content';
import { renderFixture } from '@/tests/support/render';

// The rest of the Docusaurus 3 dialect (issue 12): each input below is ours,
// and the expected output is what Docusaurus 3.10 makes of it.

const paper = '## 1. [P](https://arxiv.org/abs/2501.00001)';

/** One review in a throwaway content folder: its HTML, its headings and its table of contents. */
async function review(body: string, { ext = 'mdx', files = {} }: { ext?: 'md' | 'mdx'; files?: Record<string, string | Buffer> } = {}) {
  const root = writeContent({ [`r/20250101.${ext}`]: body, ...files });
  const parsed = buildIndex(root, undefined, { drafts: true }).bySlug.get('r/20250101')!;
  const html = await renderFixture(root, 'r/20250101');
  const toc = renderToStaticMarkup(TableOfContents({ review: parsed }));
  // The TOC renders the same list twice (folded on phones, beside the article on wide screens).
  const tocEntries = [...toc.matchAll(/<a href="#([^"]*)"[^>]*>(.*?)<\/a>/g)].map(([, id, text]) => `${id}|${text}`);
  return { html, headings: parsed.headings, toc: tocEntries.slice(0, tocEntries.length / 2), root };
}

async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  const root = writeContent(files);
  return (await checkContent(root)).problems.map((problem) => formatProblem(problem, root));
}

describe('components used without an import', () => {
  test('<Tabs> with no import is a content:check problem at the tag', async () => {
    const problems = await problemsOf({
      'r/20250101.mdx': [paper, '', 'Intro.', '', '  <Tabs>', '  <TabItem value="a">A</TabItem>', '  </Tabs>'].join('\n'),
    });
    expect(problems).toEqual([
      expect.stringMatching(/^r\/20250101\.mdx:5:3 `<Tabs>` is not defined: add `import Tabs from '@theme\/Tabs';`/),
      expect.stringMatching(/^r\/20250101\.mdx:6:3 `<TabItem>` is not defined: add `import TabItem from '@theme\/TabItem';`/),
    ]);
  });

  test('an unknown component, also inside text, is located and named', async () => {
    const problems = await problemsOf({ 'r/20250101.mdx': [paper, '', 'See <Chart data={[1, 2]} /> here.'].join('\n') });
    expect(problems).toEqual([expect.stringMatching(/^r\/20250101\.mdx:3:5 `<Chart>` is not defined: no component of that name/)]);
  });

  test('an @theme import the app does not provide keeps its located error', async () => {
    const problems = await problemsOf({ 'r/20250101.mdx': ['', "import CodeBlock from '@theme/CodeBlock';", '', paper].join('\n') });
    expect(problems).toEqual([expect.stringMatching(/^r\/20250101\.mdx:2:1 cannot import "@theme\/CodeBlock": .*Tabs, TabItem, Admonition, Details/)]);
  });

  test('as in Docusaurus, every child of <Tabs> is a <TabItem> with a value of its own', async () => {
    const problems = await problemsOf({
      'r/20250101.mdx': [
        "import Tabs from '@theme/Tabs';",
        "import TabItem from '@theme/TabItem';",
        '',
        paper,
        '',
        '<Tabs>',
        '  <TabItem value="a">A</TabItem>',
        '',
        'Loose text.',
        '',
        '  <TabItem label="No value">B</TabItem>',
        '  <TabItem value="a">Again</TabItem>',
        '  {/* a comment is fine */}',
        '</Tabs>',
      ].join('\n'),
    });
    expect(problems).toEqual([
      expect.stringMatching(/^r\/20250101\.mdx:9:1 every child of `<Tabs>` must be a `<TabItem value="…">`/),
      expect.stringMatching(/^r\/20250101\.mdx:11:3 `<TabItem>` needs a `value`/),
      expect.stringMatching(/^r\/20250101\.mdx:12:3 two `<TabItem>`s have the value "a"/),
    ]);
  });

  test('imported theme components, and Details without an import (as in Docusaurus), pass the check', async () => {
    const problems = await problemsOf({
      'r/20250101.mdx': [
        "import Tabs from '@theme/Tabs';",
        "import TabItem from '@theme/TabItem';",
        "import Note from '@theme/Admonition';",
        '',
        paper,
        '',
        '<Tabs><TabItem value="a">A</TabItem></Tabs>',
        '',
        '<Note type="tip">x</Note>',
        '',
        '<Details summary="More">y</Details>',
      ].join('\n'),
    });
    expect(problems).toEqual([]);
  });
});

describe('theme components', () => {
  test('Tabs and TabItem: an accessible tab list, the default tab shown, the others hidden', async () => {
    const { html } = await review(
      [
        "import Tabs from '@theme/Tabs';",
        "import TabItem from '@theme/TabItem';",
        '',
        paper,
        '',
        '<Tabs>',
        '  <TabItem value="apple" label="Apple">',
        '',
        'An **apple**.',
        '',
        '  </TabItem>',
        '  <TabItem value="orange" label="Orange" default>',
        '',
        'An orange.',
        '',
        '  </TabItem>',
        '  <TabItem value="pear">A pear.</TabItem>',
        '</Tabs>',
      ].join('\n'),
    );
    const tabs = [...html.matchAll(/<button[^>]*role="tab"[^>]*>(.*?)<\/button>/g)];
    expect(tabs.map(([, label]) => label)).toEqual(['Apple', 'Orange', 'pear']);
    expect(tabs.map(([button]) => /aria-selected="true"/.test(button))).toEqual([false, true, false]);
    expect(html).toMatch(/role="tablist"/);
    const panels = [...html.matchAll(/<div[^>]*role="tabpanel"[^>]*>/g)].map(([tag]) => tag);
    expect(panels).toHaveLength(3);
    expect(panels.map((tag) => /\shidden=""/.test(tag))).toEqual([true, false, true]);
    expect(html).toContain('An <strong>apple</strong>.');
    // Each tab controls its panel.
    const controls = tabs.map(([button]) => /aria-controls="([^"]+)"/.exec(button)![1]);
    for (const id of controls) expect(html).toContain(`id="${id}"`);
  });

  test('in a feed, which runs no script, every tab panel shows under its label', async () => {
    const { root } = await review(
      ["import Tabs from '@theme/Tabs';", "import TabItem from '@theme/TabItem';", '', paper, '', '<Tabs>', '<TabItem value="a" label="Alpha">One.</TabItem>', '<TabItem value="b">Two.</TabItem>', '</Tabs>'].join('\n'),
    );
    const parsed = buildIndex(root, undefined, { drafts: true }).bySlug.get('r/20250101')!;
    const html = renderToStaticMarkup(await renderReview(parsed, root, undefined, feedMdxComponents));
    expect(html).toContain('<div class="tabs"><section><p><strong>Alpha</strong></p>One.</section><section><p><strong>b</strong></p>Two.</section></div>');
    expect(html).not.toContain('role="tab"');
  });

  test('a theme component imported under another name renders under that name', async () => {
    const { html } = await review(["import Box from '@theme/Admonition';", '', paper, '', '<Box type="danger">Hot.</Box>'].join('\n'));
    expect(html).toContain('<aside class="admonition admonition-danger" data-admonition="danger"><p class="admonition-title">danger</p>Hot.</aside>');
  });

  test('<Admonition> renders as the ::: directive does, with its own title or the type', async () => {
    const { html } = await review(
      [
        "import Admonition from '@theme/Admonition';",
        '',
        paper,
        '',
        '<Admonition type="warning" title="Careful">',
        '',
        'Body **text**.',
        '',
        '</Admonition>',
        '',
        '<Admonition type="success">Done.</Admonition>',
      ].join('\n'),
    );
    expect(html).toContain(
      '<aside class="admonition admonition-warning" data-admonition="warning"><p class="admonition-title">Careful</p><p>Body <strong>text</strong>.</p></aside>',
    );
    expect(html).toContain('<aside class="admonition admonition-tip" data-admonition="tip"><p class="admonition-title">success</p>Done.</aside>');
  });

  test('<Details summary> renders a native details element; raw <details> stays as written', async () => {
    const { html } = await review([paper, '', '<Details summary="More">', '', 'Hidden.', '', '</Details>'].join('\n'));
    expect(html).toContain('<details><summary>More</summary><p>Hidden.</p></details>');
  });
});

describe('```mdx-code-block fences', () => {
  test('are unwrapped and their content runs as MDX (3 and 4 backticks), line numbers kept', async () => {
    const body = [
      '```mdx-code-block',
      "import Tabs from '@theme/Tabs';",
      "import TabItem from '@theme/TabItem';",
      '```',
      '',
      paper,
      '',
      '````mdx-code-block',
      '<Tabs>',
      '<TabItem value="a" label="Alpha">',
      '',
      '```js',
      'const x = 1;',
      '```',
      '',
      '</TabItem>',
      '</Tabs>',
      '````',
      '',
      '```mdx-code-block',
      '<div className="note">**hi**</div>',
      '```',
      '',
      '```md',
      'A real code block keeps `mdx-code-block` as text.',
      '```',
    ].join('\n');
    const { html } = await review(body);
    expect(html).not.toContain('mdx-code-block</');
    expect(html).toMatch(/<button[^>]*role="tab"[^>]*>Alpha<\/button>/);
    expect(html).toMatch(/<pre class="shiki[^>]*><code><span class="line"><span style="[^"]*">const<\/span>/);
    expect(html).toContain('<div class="note"><strong>hi</strong></div>');
    expect(html.replace(/<[^>]+>/g, '')).toContain('A real code block keeps `mdx-code-block` as text.');

    // A problem after an unwrapped block is still reported on its own line.
    const problems = await problemsOf({ 'r/20250101.mdx': [body, '', '[x](#nowhere)'].join('\n') });
    expect(problems).toEqual([expect.stringMatching(/^r\/20250101\.mdx:28:1 broken anchor "#nowhere"/)]);
  });
});

describe('nested admonitions', () => {
  test('an outer fence of four colons with an old-style title keeps both boxes', async () => {
    const { html } = await review(
      [paper, '', '::::info **Weather**', '', 'On nice days, ski.', '', ':::danger *Storms*', '', 'Take care.', '', ':::', '', '::::'].join('\n'),
    );
    expect(html).toContain(
      '<aside class="admonition admonition-info" data-admonition="info"><p class="admonition-title"><strong>Weather</strong></p><p>On nice days, ski.</p>' +
        '<aside class="admonition admonition-danger" data-admonition="danger"><p class="admonition-title"><em>Storms</em></p><p>Take care.</p></aside></aside>',
    );
    expect(html).not.toContain('::::');
  });
});

describe('heading ids', () => {
  test('a heading with :word gets the id Docusaurus slugs before text directives are restored', async () => {
    const { html, headings, toc } = await review([paper, '', '## Step 1:Install', '', '[go](#step-1)'].join('\n'));
    expect(headings.map((h) => h.id)).toEqual(['1-p', 'step-1']);
    expect(html).toContain('<h2 id="step-1" class="group">Step 1:Install<a href="#step-1"');
    expect(toc).toContain('step-1|Step 1:Install');
  });

  test('the MDX-comment explicit id {/* #my-id */} is the id and shows neither in the heading nor in the TOC', async () => {
    const { html, toc } = await review([paper, '', '## Title {/* #my-id */}', '', '## Title'].join('\n'));
    expect(html).toContain('<h2 id="my-id" class="group">Title<a href="#my-id"');
    // Explicit ids never reach the slugger, so the plain repeat is not suffixed.
    expect(html).toContain('<h2 id="title" class="group">Title<a href="#title"');
    expect(toc).toEqual(['1-p|1. P', 'my-id|Title', 'title|Title']);
  });

  test('an HTML comment is no id (Docusaurus drops comments before ids), and the space before it counts', async () => {
    const { headings } = await review([paper, '', '## Title <!-- #md-id -->', '', '## Foo <br/>'].join('\n'), { ext: 'md' });
    expect(headings.slice(1)).toEqual([expect.objectContaining({ id: 'title-', text: 'Title' }), expect.objectContaining({ id: 'foo-', text: 'Foo' })]);
  });

  test('raw HTML in a .md heading: the id and the TOC come from its text, the heading keeps its markup', async () => {
    const { html, headings, toc } = await review([paper, '', '## <span class="x">Normal</span> heading'].join('\n'), { ext: 'md' });
    expect(headings[1]).toMatchObject({ id: 'normal-heading', text: 'Normal heading' });
    expect(html).toContain('<h2 id="normal-heading" class="group"><span class="x">Normal</span> heading<a href="#normal-heading"');
    expect(toc).toContain('normal-heading|Normal heading');
  });

  test('empty headings keep their id but are left out of the TOC', async () => {
    const { html, toc, headings } = await review([paper, '', '## ![](./fig.png)', '', '## {#only-id}', '', '## After'].join('\n'), {
      files: { 'r/fig.png': png(4, 4) },
    });
    expect(headings.map((h) => h.id)).toEqual(['1-p', '', 'only-id', 'after']);
    // No id at all rather than an empty one, as Docusaurus renders it.
    expect(html).toMatch(/<h2 class="group"><img [^>]*src="\/content-assets\/r\/fig\.png/);
    expect(html).toMatch(/<h2 id="only-id" class="group"><a href="#only-id"/);
    expect(toc).toEqual(['1-p|1. P', 'after|After']);
  });

  test('headings Docusaurus accepts instead of refusing them as an acorn error', async () => {
    const { html, headings } = await review([paper, '', '### Heading {#a b}', '', '## {#custom-id} Some heading'].join('\n'));
    expect(headings.slice(1)).toEqual([
      expect.objectContaining({ id: 'a b', text: 'Heading' }),
      expect.objectContaining({ id: 'custom-id-some-heading', text: '{#custom-id} Some heading' }),
    ]);
    expect(html).toContain('<h3 id="a b" class="group">Heading<a');
    expect(html).toContain('<h2 id="custom-id-some-heading" class="group">{#custom-id} Some heading<a');
  });
});

describe('admonition attributes and titles', () => {
  test('{title="…"} is the title, over a [label] too', async () => {
    const { html } = await review([paper, '', ':::tip{title="From attribute"}', '', 'x', '', ':::', '', ':::note[Label]{title="Wins"}', '', 'y', '', ':::'].join('\n'));
    expect(html).toContain('<p class="admonition-title">From attribute</p><p>x</p>');
    expect(html).toContain('<p class="admonition-title">Wins</p><p>y</p>');
  });

  test('{#id .class} are kept on the element; other attributes are dropped', async () => {
    const { html } = await review([paper, '', ':::info[Title]{#my-box .wide .bold data-x="1"}', '', 'z', '', ':::'].join('\n'));
    expect(html).toContain('<aside id="my-box" class="admonition admonition-info wide bold" data-admonition="info"><p class="admonition-title">Title</p><p>z</p></aside>');
  });

  test(':::important, :::success and :::secondary show their own name as the default title', async () => {
    const { html } = await review(
      [paper, '', ...['important', 'success', 'secondary'].flatMap((kind) => [`:::${kind}`, '', `${kind} body`, '', ':::', ''])].join('\n'),
    );
    expect(html).toContain('<aside class="admonition admonition-info" data-admonition="info"><p class="admonition-title">important</p><p>important body</p>');
    expect(html).toContain('<aside class="admonition admonition-tip" data-admonition="tip"><p class="admonition-title">success</p><p>success body</p>');
    expect(html).toContain('<aside class="admonition admonition-note" data-admonition="note"><p class="admonition-title">secondary</p><p>secondary body</p>');
  });
});

describe('emoji shortcodes', () => {
  test(':tada: becomes 🎉 in text and headings (ids from the shortcode, as Docusaurus), never in code', async () => {
    const { html, toc } = await review([paper, '', 'Done :tada: and :+1:, but `:tada:` and 3:1 stay.', '', '## :rocket: Launch'].join('\n'));
    expect(html).toContain('<p>Done 🎉 and 👍, but <code>:tada:</code> and 3:1 stay.</p>');
    expect(html).toContain('<h2 id="rocket-launch" class="group">🚀 Launch<a href="#rocket-launch"');
    expect(toc).toContain('rocket-launch|🚀 Launch');
  });
});
