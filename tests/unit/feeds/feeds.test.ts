import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildIndex, type ContentIndex } from '@/lib/content/index/content-index';
import { otherAppearances } from '@/lib/content/index/paper-lookup';
import { renderReview } from '@/components/review/review-body';
import { toHtml } from '@/lib/feeds/html';
import { reviewHtmlRenderer } from '@/lib/feeds/render-review';
import { orgFeed, siteFeed, type SiteInfo } from '@/lib/feeds/review-feed';
import { resolveTree, type HostNode } from '@/lib/feeds/static-tree';
import { cdata, escapeXml } from '@/lib/feeds/xml';
import { png, writeContent } from '@/tests/support/content';

const site: SiteInfo = { name: 'Papers Review', description: 'Weekly reviews & notes', url: 'https://papers.example.org/' };
const origin = 'https://papers.example.org';
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => ['item', 'entry', 'link', 'category', 'author'].includes(name) });

/** Parses after checking well-formedness, so a broken feed fails with the parser's reason. */
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

const text = (node: unknown): string => (typeof node === 'object' && node !== null ? String((node as { '#text'?: unknown })['#text'] ?? '') : String(node ?? ''));

/** Every src/href value in an HTML string. */
const urlsIn = (html: string) => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

let index: ContentIndex;
let render: ReturnType<typeof reviewHtmlRenderer>;

beforeAll(() => {
  const root = writeContent({
    'papers/y2025/nov/20251121.mdx': [
      '---',
      "title: 'Weights & <Biases> 리뷰'",
      'tags: [Reinforcement Learning]',
      'authors: [김민수]',
      '---',
      "import fig from './asset/fig.png';",
      '',
      '# 2025년 11월 21일 Papers Review',
      '',
      '이번 주에는 [지난주](./20251114) 리뷰와 [첫 논문](#1-gdpo-nvidia)을 함께 봅니다. 보상 $r_i = \\sum_k r_i^{(k)}$ 를 씁니다.',
      '',
      '## 1. [GDPO](https://arxiv.org/abs/2510.05242) `nvidia`',
      '',
      '![도식](./asset/fig.png)',
      '',
      '<div style={{textAlign: "center"}}><img src={fig} style={{width: 500}} /></div>',
      '',
      '```python',
      'print("]]>")',
      '```',
      '',
    ].join('\n'),
    'papers/y2025/nov/asset/fig.png': png(4, 2),
    'papers/y2025/nov/20251114.mdx': ['# 지난주 리뷰', '', '## 1. [SAM 3D](https://arxiv.org/abs/2511.16624) `meta`', '', '형상을 복원합니다.', ''].join('\n'),
  });
  index = buildIndex(root);
  render = reviewHtmlRenderer(index, site.url);
});

describe('feed HTML of a review', () => {
  let html = '';
  beforeAll(async () => {
    html = await render(index.bySlug.get('papers/y2025/nov/20251121')!);
  });

  test('keeps the content, KaTeX and Shiki markup, and Korean text', () => {
    expect(html).toContain('이번 주에는');
    expect(html).toContain('<span class="katex">');
    expect(html).toMatch(/<pre class="shiki[^"]*"[^>]*><code>/);
    expect(html).toContain('&quot;]]&gt;&quot;');
  });

  test('drops the paper row and heading anchors', () => {
    expect(html).toContain('id="1-gdpo-nvidia"');
    expect(html).not.toContain('data-paper-row');
    expect(html).not.toContain('heading-anchor');
    expect(html).not.toMatch(/<(button|select|textarea|form)\b/);
  });

  test('every image and link URL is absolute', () => {
    const urls = urlsIn(html);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(url).toMatch(/^https?:\/\//);
    expect(html).toMatch(new RegExp(`<img src="${origin}/content-assets/papers/y2025/nov/asset/fig\\.png\\?v=[0-9a-f]{10}" style="width:500px" width="4" height="2"`));
    expect(urls).toContain(`${origin}/docs/papers/y2025/nov/20251114`);
    expect(urls).toContain(`${origin}/docs/papers/y2025/nov/20251121#1-gdpo-nvidia`);
    expect(urls).toContain('https://arxiv.org/abs/2510.05242');
  });
});

describe('static serializer matches react-dom/server', () => {
  const toReact = (nodes: HostNode[]): ReactNode[] =>
    nodes.map((node) => (typeof node === 'string' ? node : createElement(node.tag, node.props, ...toReact(node.children))));
  // The dialect fixture covers every syntax reviews use; content/ is what ships.
  const fixtures: [string, string][] = [
    ['tests/fixtures/dialect', 'papers/y2025/nov/20251121'],
    ...buildIndex(path.resolve('content')).reviews.map((review): [string, string] => ['content', review.slug]),
  ];

  test.each(fixtures)('%s %s', async (folder, slug) => {
    const root = path.resolve(folder);
    const fixtureIndex = buildIndex(root);
    const review = fixtureIndex.bySlug.get(slug)!;
    const element = await renderReview(review, root, otherAppearances(fixtureIndex, review));
    const nodes = await resolveTree(element, { skip: (_tag, props) => props['data-paper-row'] !== undefined });
    const ours = toHtml(nodes);
    expect(ours.length).toBeGreaterThan(500);
    expect(ours).toBe(renderToStaticMarkup(createElement('div', null, ...toReact(nodes))).slice('<div>'.length, -'</div>'.length));
  });

  test('the fixture exercises KaTeX and Shiki', () => {
    expect(readFileSync('tests/fixtures/dialect/papers/y2025/nov/20251121.mdx', 'utf8')).toMatch(/\$\$?[^$]+\$|```\w+/);
  });
});

describe('RSS 2.0', () => {
  let xml = '';
  beforeAll(async () => {
    xml = await siteFeed('rss', index, site, render);
  });

  test('channel has the required elements and declares its namespaces', () => {
    const { rss } = parse(xml);
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss.channel.title).toBe('Papers Review');
    expect(text(rss.channel.link[0])).toBe(`${origin}/`);
    expect(rss.channel.description).toBe('Weekly reviews & notes');
    expect(rss.channel.lastBuildDate).toBe('Fri, 21 Nov 2025 00:00:00 GMT');
    expect(rss.channel['atom:link']).toMatchObject({ '@_rel': 'self', '@_href': `${origin}/rss.xml`, '@_type': 'application/rss+xml' });
  });

  test('items are newest first with title, link, guid, RFC 822 pubDate and full content', () => {
    const items = parse(xml).rss.channel.item;
    expect(items.map((item: { title: string }) => item.title)).toEqual(['Weights & <Biases> 리뷰', '지난주 리뷰']);
    for (const item of items) {
      expect(text(item.link[0])).toMatch(new RegExp(`^${origin}/docs/papers/y2025/nov/\\d{8}$`));
      expect(text(item.guid)).toBe(text(item.link[0]));
      expect(item.guid['@_isPermaLink']).toBe('true');
      expect(item.pubDate).toMatch(RFC822);
    }
    expect(items[0].pubDate).toBe('Fri, 21 Nov 2025 00:00:00 GMT');
    expect(items[0]['dc:creator']).toBe('김민수');
    expect(text(items[0].category[0])).toBe('Reinforcement Learning');
    const content = items[0]['content:encoded'];
    expect(content).toContain('이번 주에는');
    expect(content).toContain(`src="${origin}/content-assets/papers/y2025/nov/asset/fig.png?v=`);
    for (const url of urlsIn(content)) expect(url).toMatch(/^https?:\/\//);
  });

  test('per-org feed holds only reviews with a paper from that org', async () => {
    const meta = parse(await orgFeed('meta', index, site, render)).rss.channel;
    expect(meta.item.map((item: { title: string }) => item.title)).toEqual(['지난주 리뷰']);
    expect(text(meta.link[0])).toBe(`${origin}/orgs/meta`);
    expect(meta['atom:link']['@_href']).toBe(`${origin}/orgs/meta/rss.xml`);
    const nvidia = parse(await orgFeed('nvidia', index, site, render)).rss.channel;
    expect(nvidia.item.map((item: { title: string }) => item.title)).toEqual(['Weights & <Biases> 리뷰']);
    expect(parse(await orgFeed('nobody', index, site, render)).rss.channel.item).toBeUndefined();
  });
});

describe('Atom 1.0', () => {
  let feed: Record<string, any>; // parsed XML: shape checked by the assertions below
  beforeAll(async () => {
    feed = parse(await siteFeed('atom', index, site, render)).feed;
  });

  test('feed has id, title, RFC 3339 updated, author and links', () => {
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${origin}/atom.xml`);
    expect(feed.title).toBe('Papers Review');
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.updated).toBe('2025-11-21T00:00:00Z');
    expect(feed.author[0].name).toBe('Papers Review');
    expect(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe(`${origin}/atom.xml`);
  });

  test('entries have id, title, updated, alternate link and HTML content', () => {
    expect(feed.entry).toHaveLength(2);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(new RegExp(`^${origin}/docs/`));
      expect(entry.updated).toMatch(RFC3339);
      const alternate = entry.link.find((l: Record<string, string>) => l['@_rel'] === 'alternate');
      expect(alternate['@_href']).toBe(entry.id);
      expect(entry.content['@_type']).toBe('html');
      for (const url of urlsIn(text(entry.content))) expect(url).toMatch(/^https?:\/\//);
    }
    const [first] = feed.entry;
    expect(first.title).toBe('Weights & <Biases> 리뷰');
    expect(first.author[0].name).toBe('김민수');
    expect(text(first.content)).toContain('<span class="katex">');
    expect(text(first.content)).toContain(`<img src="${origin}/content-assets/`);
  });
});

describe('XML escaping', () => {
  test('CDATA splits ]]> and the text survives a parse', () => {
    const xml = `<a>${cdata('x ]]> y <b>&amp;')}</a>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ processEntities: false }).parse(xml).a).toBe('x ]]> y <b>&amp;');
  });

  test('text escaping covers markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
