import { describe, expect, test } from 'vitest';
import { renderNoteMarkdown } from '@/lib/reader/note-markdown';

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
    expect(await renderNoteMarkdown('```ts\nconst a = 1;\n```')).toBe('<pre><code class="language-ts">const a = 1;\n</code></pre>');
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
