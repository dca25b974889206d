import { describe, expect, test } from 'vitest';
import { noteMarkdownToText, renderNoteMarkdown } from '@/lib/reader/note-markdown';

const REL = 'rel="nofollow noopener noreferrer"';

describe('renderNoteMarkdown: untrusted input is neutralised', () => {
  test.each([
    { name: 'script element', input: '<script>alert(1)</script>', html: '' },
    { name: 'img with onerror', input: '<img src=x onerror=alert(1)>', html: '' },
    { name: 'iframe', input: '<iframe src="https://evil.example"></iframe>', html: '' },
    { name: 'style element', input: '<style>body { display: none }</style>', html: '' },
    { name: 'raw anchor with a data: URL', input: '<a href="data:text/html,<script>alert(1)</script>">x</a>', html: '<p>x</p>' },
    { name: 'inline raw HTML with an event handler', input: 'a <span onclick="alert(1)">b</span>', html: '<p>a b</p>' },
    { name: 'javascript: link', input: '[x](javascript:alert(1))', html: `<p><a ${REL}>x</a></p>` },
    { name: 'data: link', input: '[x](data:text/html;base64,PHNjcmlwdD4=)', html: `<p><a ${REL}>x</a></p>` },
    { name: 'data: image', input: '![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)', html: '<p><img alt="i"></p>' },
    { name: 'javascript: autolink', input: '<javascript:alert(1)>', html: `<p><a ${REL}>javascript:alert(1)</a></p>` },
  ])('$name', async ({ input, html }) => {
    const out = await renderNoteMarkdown(input);
    expect(out).toBe(html);
    expect(out).not.toMatch(/<script|<iframe|<style|onerror|onclick|onload|javascript:alert\(1\)"|data:/i);
  });

  test('a script surrounded by Markdown leaves the Markdown intact and no script', async () => {
    const out = await renderNoteMarkdown('before\n\n<script>alert(1)</script>\n\nafter **bold**');
    expect(out).toBe('<p>before</p>\n<p>after <strong>bold</strong></p>');
  });

  test('math cannot carry links, HTML or styles in: KaTeX runs untrusted, so \\href and \\htmlClass render as red TeX', async () => {
    for (const input of [
      '$\\href{javascript:alert(1)}{x}$',
      '$$\n\\url{javascript:alert(1)}\n$$',
      '$\\htmlClass{x}{y}\\htmlData{onclick=alert(1)}{z}$',
    ]) {
      const out = await renderNoteMarkdown(input);
      expect(out).toContain('class="katex"');
      expect(out).not.toMatch(/<a |href=|onclick="|data-onclick/i);
    }
  });

  test('raw HTML inside a math block is TeX source, not markup', async () => {
    const out = await renderNoteMarkdown('$$\n<img src=x onerror=alert(1)>\n$$');
    expect(out).not.toMatch(/<img/i);
    expect(out).toContain('<annotation encoding="application/x-tex">&#x3C;img src=x onerror=alert(1)></annotation>');
  });

  test('a code block cannot close its <pre> early: Shiki escapes what it highlights', async () => {
    const out = await renderNoteMarkdown('```html\n</code></pre><script>alert(1)</script>\n```');
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('&#x3C;/');
  });

  test('text that merely looks like HTML inside code stays escaped text', async () => {
    expect(await renderNoteMarkdown('`<script>alert(1)</script>`')).toBe('<p><code>&#x3C;script>alert(1)&#x3C;/script></code></p>');
  });
});

describe('renderNoteMarkdown: Markdown renders', () => {
  test('bold, emphasis and strikethrough', async () => {
    expect(await renderNoteMarkdown('a **bold** and *em* and ~~gone~~')).toBe(
      '<p>a <strong>bold</strong> and <em>em</em> and <del>gone</del></p>',
    );
  });

  test('lists, including task lists', async () => {
    expect(await renderNoteMarkdown('- one\n- two\n\n1. first\n2. second')).toBe(
      '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
    );
    expect(await renderNoteMarkdown('- [x] done\n- [ ] todo')).toContain(
      '<li class="task-list-item"><input type="checkbox" checked disabled> done</li>',
    );
  });

  test('GFM tables with alignment', async () => {
    expect(await renderNoteMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  test('inline code and fenced code with a language class', async () => {
    expect(await renderNoteMarkdown('use `x < y`')).toBe('<p>use <code>x &#x3C; y</code></p>');
  });

  test('fenced code is highlighted as in a review: both themes as CSS variables, the text unchanged', async () => {
    const out = await renderNoteMarkdown('```ts\nconst a = 1;\n```');
    expect(out).toMatch(/^<pre class="shiki shiki-themes github-light github-dark" style="[^"]*--shiki-dark-bg:[^"]*" tabindex="0"><code>/);
    expect(out).toContain('<span style="--shiki-light:#D73A49;--shiki-dark:#F97583">const</span>');
    expect(out.replace(/<[^>]+>/g, '')).toBe('const a = 1;');
    // An unknown language is plain text, not an error.
    expect((await renderNoteMarkdown('```nosuchlang\nplain <b>\n```')).replace(/<[^>]+>/g, '')).toBe('plain &#x3C;b>');
  });

  test('inline and display math render with KaTeX on the server (MathML for screen readers, HTML for the eye)', async () => {
    const inline = await renderNoteMarkdown('loss $\\mathcal{L} = x^2$ here');
    expect(inline).toMatch(
      /^<p>loss <span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/,
    );
    expect(inline).toContain('<annotation encoding="application/x-tex">\\mathcal{L} = x^2</annotation>');
    expect(inline).toContain('<span class="katex-html" aria-hidden="true">');
    expect(inline).not.toContain('$');

    const display = await renderNoteMarkdown('$$\n\\frac{a}{b}\n$$');
    expect(display).toMatch(/^<span class="katex-display"><span class="katex">/);
    expect(display).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(display).toContain('class="mfrac"');
    // ```math fences are display math too, as on GitHub.
    expect(await renderNoteMarkdown('```math\nE=mc^2\n```')).toMatch(/^<span class="katex-display">/);
    // Dollars in code stay dollars.
    expect(await renderNoteMarkdown('`$x$`')).toBe('<p><code>$x$</code></p>');
  });

  test('TeX that does not parse shows as red source, never an error', async () => {
    const out = await renderNoteMarkdown('$\\frac{a$');
    expect(out).toContain('katex-error');
    expect(out).toContain('\\frac{a');
  });

  test('Korean text', async () => {
    expect(await renderNoteMarkdown('## 요약\n\n이 논문은 **주의 메커니즘**을 다룬다.')).toBe(
      '<h2>요약</h2>\n<p>이 논문은 <strong>주의 메커니즘</strong>을 다룬다.</p>',
    );
  });

  test('links keep safe URLs and get rel="nofollow noopener noreferrer"', async () => {
    expect(await renderNoteMarkdown('[paper](https://arxiv.org/abs/2501.00001 "arXiv")')).toBe(
      `<p><a href="https://arxiv.org/abs/2501.00001" title="arXiv" ${REL}>paper</a></p>`,
    );
    expect(await renderNoteMarkdown('see https://example.com')).toBe(
      `<p>see <a href="https://example.com" ${REL}>https://example.com</a></p>`,
    );
    expect(await renderNoteMarkdown('[mail](mailto:a@example.com)')).toBe(`<p><a href="mailto:a@example.com" ${REL}>mail</a></p>`);
  });

  test('footnotes: ids are prefixed once and the links point at them', async () => {
    const out = await renderNoteMarkdown('claim[^1]\n\n[^1]: source');
    expect(out).toContain(
      `<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="user-content-footnote-label" ${REL}>1</a>`,
    );
    expect(out).toContain('<li id="user-content-fn-1">');
    expect(out).toContain('<h2 class="sr-only" id="user-content-footnote-label">Footnotes</h2>');
    expect(out).toContain('href="#user-content-fnref-1"');
    expect(out).not.toContain('user-content-user-content');
  });

  test('an empty note renders as nothing', async () => {
    expect(await renderNoteMarkdown('')).toBe('');
  });
});

describe('noteMarkdownToText: what search excerpts show', () => {
  test('Markdown syntax is gone; words, link text, code and TeX remain; blocks are kept apart', () => {
    expect(noteMarkdownToText('## 요약\n\n이 논문은 **주의 메커니즘**을 다룬다.\n\n- [링크](https://x.example) 하나\n- `code` 둘')).toBe(
      '요약 이 논문은 주의 메커니즘을 다룬다. 링크 하나 code 둘',
    );
    expect(noteMarkdownToText('loss $x^2$\n\n$$\n\\frac{a}{b}\n$$\n\n```ts\nconst a = 1;\n```')).toBe('loss x^2 \\frac{a}{b} const a = 1;');
    expect(noteMarkdownToText('a\n\n<script>alert(1)</script>\n\nb ![figure](x.png)')).toBe('a b figure');
    expect(noteMarkdownToText('')).toBe('');
  });
});
