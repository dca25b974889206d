import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildIndex, type ContentIndex } from '@/lib/content/index/content-index';
import { absoluteHtml } from '@/lib/feeds/absolute-html';
import { FEED_HTML_FILE, loadFeedHtml, readFeedHtml, type FeedHtmlFile } from '@/lib/feeds/feed-html-file';
import { atomXml, rssXml } from '@/lib/feeds/feed-xml';
import { feedReviews, orgFeed, siteFeed, type ReviewHtml, type SiteInfo } from '@/lib/feeds/review-feed';
import type { FeedChannel, FeedItem } from '@/lib/feeds/types';
import { png, writeContent } from '@/tests/support/content';

const site: SiteInfo = { name: 'Papers Review', description: 'Weekly reviews & notes', url: 'https://papers.example.org/' };
const origin = 'https://papers.example.org';
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author'].includes(name),
});

type Parsed = Record<string, unknown>;

/** Parses after checking well-formedness, so a broken feed fails with the parser's reason. */
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}
/** fast-xml-parser's result is untyped; the assertions check its shape. */
type Xml = ReturnType<typeof parse>;

/** An element's text, whether the parser gave a string or an object with attributes. */
const text = (node: unknown): string => {
  const value = typeof node === 'object' && node !== null ? (node as { '#text'?: unknown })['#text'] : node;
  return typeof value === 'string' ? value : '';
};

/** Every src/href value in an HTML string. */
const urlsIn = (html: string) => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

/** What a reader shows for an HTML string: its text, character references decoded. */
function htmlText(html: string): string {
  const walk = (node: DefaultTreeAdapterTypes.ChildNode): string =>
    'value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(walk).join('') : '';
  return parseFragment(html).childNodes.map(walk).join('');
}

/** Runs the build step as next.config.ts does, on `contentDir`; returns the file it wrote. */
function runBuildStep(contentDir: string, env: Record<string, string> = {}): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'feed-dist-'));
  execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/render-feed-html.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, NEXT_DIST_DIR: dist, SITE_URL: site.url, ...env },
    stdio: 'pipe',
  });
  return path.join(dist, FEED_HTML_FILE);
}

let root: string;
let index: ContentIndex;
let htmlFile: string;
let render: ReviewHtml;

beforeAll(() => {
  root = writeContent({
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
    'papers/y2025/nov/20251114.mdx': [
      '# 지난주 리뷰',
      '',
      '## 1. [SAM 3D](https://arxiv.org/abs/2511.16624) `meta`',
      '',
      '형상을 복원합니다.',
      '',
    ].join('\n'),
  });
  index = buildIndex(root);
  htmlFile = runBuildStep(root);
  render = readFeedHtml(site.url, htmlFile);
});

describe('the build step (scripts/render-feed-html.ts)', () => {
  test('writes the HTML of every review a feed carries, for the site origin, with its source hash', () => {
    const file = JSON.parse(readFileSync(htmlFile, 'utf8')) as FeedHtmlFile;
    expect(file.version).toBe(1);
    expect(file.origin).toBe(origin);
    expect(Object.keys(file.reviews)).toEqual(feedReviews(index).map((review) => review.slug));
    expect(Object.keys(file.reviews)).toEqual(['papers/y2025/nov/20251121', 'papers/y2025/nov/20251114']);
    for (const entry of Object.values(file.reviews)) expect(entry.source).toMatch(/^[0-9a-f]{64}$/);
  });

  // The dialect fixture covers every syntax reviews use; content/ is what ships.
  test.each(['tests/fixtures/dialect', 'content'])('renders every feed review of %s with react-dom/server', (folder) => {
    const fixtureIndex = buildIndex(path.resolve(folder));
    const read = readFeedHtml(site.url, runBuildStep(path.resolve(folder)));
    const reviews = feedReviews(fixtureIndex);
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      const html = read(review);
      expect(html.length).toBeGreaterThan(500);
      expect(html).not.toContain('data-paper-row');
      expect(html).not.toContain('heading-anchor');
      for (const url of urlsIn(html)) expect(url).toMatch(/^(https?|mailto):/);
    }
  });

  test('the fixture exercises KaTeX and Shiki', () => {
    expect(readFileSync('tests/fixtures/dialect/papers/y2025/nov/20251121.mdx', 'utf8')).toMatch(/\$\$?[^$]+\$|```\w+/);
  });

  test('a broken review fails the step with file:line:column', () => {
    const broken = writeContent({ 'r/20251121.mdx': '# Title\n\n<div>\n' });
    expect(() => runBuildStep(broken)).toThrow(/r\/20251121\.mdx:\d+:\d+/);
  });
});

describe('next build', () => {
  test('the build phase of next.config writes the feed HTML file before Next compiles', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'feed-build-'));
    const { default: config } = await import('@/next.config');
    const checked = process.env.PAPERS_CONTENT_CHECKED;
    vi.stubEnv('CONTENT_DIR', root);
    vi.stubEnv('NEXT_DIST_DIR', dist);
    vi.stubEnv('SITE_URL', site.url);
    vi.stubEnv('NEXTAUTH_SECRET', 'x'.repeat(32));
    vi.stubEnv('ALLOW_EMBEDDED_DATABASE', '1');
    delete process.env.PAPERS_CONTENT_CHECKED;
    try {
      config('phase-production-build');
      expect(existsSync(path.join(dist, FEED_HTML_FILE))).toBe(true);
      expect(readFeedHtml(site.url, path.join(dist, FEED_HTML_FILE))(index.reviews[0]!)).toContain('이번 주에는');
    } finally {
      vi.unstubAllEnvs();
      if (checked === undefined) delete process.env.PAPERS_CONTENT_CHECKED;
      else process.env.PAPERS_CONTENT_CHECKED = checked;
    }
  });
});

describe('reading the feed HTML file', () => {
  afterEach(() => vi.unstubAllEnvs());

  test('a missing file is an error naming the file and the command', () => {
    const missing = path.join(tmpdir(), 'no-such-dist', FEED_HTML_FILE);
    expect(() => readFeedHtml(site.url, missing)).toThrow(missing);
    expect(() => readFeedHtml(site.url, missing)).toThrow('npx tsx scripts/render-feed-html.ts');
  });

  test('a file made for another origin, without a review, or from an older source is refused', () => {
    expect(() => readFeedHtml('https://elsewhere.example/', htmlFile)).toThrow(/URLs for https:\/\/papers\.example\.org.*elsewhere/);

    const file = JSON.parse(readFileSync(htmlFile, 'utf8')) as FeedHtmlFile;
    const edited = path.join(mkdtempSync(path.join(tmpdir(), 'feed-edited-')), 'feed-html.json');
    const review = index.reviews[0]!;
    writeFileSync(
      edited,
      JSON.stringify({ ...file, reviews: { ...file.reviews, [review.slug]: { ...file.reviews[review.slug]!, source: '0'.repeat(64) } } }),
    );
    expect(() => readFeedHtml(site.url, edited)(review)).toThrow(`holds an older ${review.file}`);
    writeFileSync(edited, JSON.stringify({ ...file, reviews: {} }));
    expect(() => readFeedHtml(site.url, edited)(review)).toThrow(`no HTML for ${review.slug}`);
  });

  test('in development the file is written again before each read, so feeds follow the content', () => {
    const live = writeContent({ 'papers/y2025/nov/20251121.mdx': '# 첫 판\n\n처음 쓴 문장.\n' });
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('CONTENT_DIR', live);
    vi.stubEnv('NEXT_DIST_DIR', mkdtempSync(path.join(tmpdir(), 'feed-dev-')));
    vi.stubEnv('SITE_URL', site.url);
    const review = () => buildIndex(live).reviews[0]!;
    expect(loadFeedHtml(site.url)(review())).toContain('처음 쓴 문장.');
    writeFileSync(path.join(live, 'papers/y2025/nov/20251121.mdx'), '# 첫 판\n\n고쳐 쓴 문장.\n');
    expect(loadFeedHtml(site.url)(review())).toContain('고쳐 쓴 문장.');
  });
});

describe('absolute URLs in feed HTML', () => {
  const page = `${origin}/docs/papers/y2025/nov/20251121`;

  test('src, href, poster and srcset resolve against the page; other schemes and empty values stay', () => {
    const html = absoluteHtml(
      [
        '<p><a href="./20251114">a</a><a href="#h">b</a><a href="/papers">c</a><a href="mailto:x@example.org">d</a><a href="https://arxiv.org/abs/1">e</a><a href="">f</a></p>',
        '<img src="/content-assets/x.png?v=1&amp;w=2" srcset="/a.png 1x, b.png 2x"/>',
        '<video poster="/p.jpg" src="data:video/mp4;base64,AA"></video>',
        '<svg><use xlink:href="#icon"></use></svg>',
      ].join(''),
      page,
    );
    expect(urlsIn(html)).toEqual([
      `${origin}/docs/papers/y2025/nov/20251114`,
      `${page}#h`,
      `${origin}/papers`,
      'mailto:x@example.org',
      'https://arxiv.org/abs/1',
      '',
      `${origin}/content-assets/x.png?v=1&w=2`,
      'data:video/mp4;base64,AA',
    ]);
    expect(html).toContain(`srcset="${origin}/a.png 1x, ${origin}/docs/papers/y2025/nov/b.png 2x"`);
    expect(html).toContain(`poster="${origin}/p.jpg"`);
    expect(html).toContain(`xlink:href="${page}#icon"`);
  });

  test('everything else in the markup stays as react-dom/server wrote it', () => {
    const markup =
      '<h2 id="x" class="paper-heading group">1. <code>nvidia</code></h2><pre class="shiki" style="background-color:#fff" tabindex="0"><code><span class="line"><span style="color:#24292E">print(&quot;]]&gt;&quot;)</span></span></code></pre><span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>r</mi></mrow><annotation encoding="application/x-tex">r</annotation></semantics></math></span></span>';
    const html = absoluteHtml(markup, page);
    // Only quoting may differ: parse5 writes `"` in text as is.
    expect(html).toBe(markup.replaceAll('&quot;', '"'));
    expect(htmlText(html)).toBe(htmlText(markup));
  });
});

describe('feed HTML of a review', () => {
  let html = '';
  beforeAll(() => {
    html = render(index.bySlug.get('papers/y2025/nov/20251121')!);
  });

  test('keeps the content, KaTeX and Shiki markup, and Korean text', () => {
    expect(html).toContain('이번 주에는');
    expect(html).toContain('<span class="katex">');
    expect(html).toMatch(/<pre class="shiki[^"]*"[^>]*><code>/);
    // `]]>` in code stays text: escaped in the HTML, intact for the reader.
    expect(html).toContain(']]&gt;');
    expect(html).not.toContain(']]>');
    expect(htmlText(html)).toContain('print("]]>")');
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
    expect(html).toMatch(
      new RegExp(
        `<img src="${origin}/content-assets/papers/y2025/nov/asset/fig\\.png\\?v=[0-9a-f]{10}" style="width:500px" width="4" height="2"`,
      ),
    );
    expect(urls).toContain(`${origin}/docs/papers/y2025/nov/20251114`);
    expect(urls).toContain(`${origin}/docs/papers/y2025/nov/20251121#1-gdpo-nvidia`);
    expect(urls).toContain('https://arxiv.org/abs/2510.05242');
  });
});

describe('RSS 2.0', () => {
  let xml = '';
  beforeAll(() => {
    xml = siteFeed('rss', index, site, render);
  });

  test('channel has the required elements and declares its namespaces', () => {
    const { rss } = parse(xml);
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rss.channel.title).toBe('Papers Review');
    expect(text(rss.channel.link[0])).toBe(`${origin}/`);
    expect(rss.channel.description).toBe('Weekly reviews & notes');
    expect(rss.channel.language).toBe('ko');
    expect(rss.channel.lastBuildDate).toBe('Fri, 21 Nov 2025 00:00:00 GMT');
    expect(rss.channel['atom:link']).toMatchObject({ '@_rel': 'self', '@_href': `${origin}/rss.xml`, '@_type': 'application/rss+xml' });
  });

  test('items are newest first with title, link, guid, RFC 822 pubDate and full content', () => {
    const items = parse(xml).rss.channel.item as Xml[];
    expect(items.map((item) => item.title)).toEqual(['Weights & <Biases> 리뷰', '지난주 리뷰']);
    for (const item of items) {
      expect(text(item.link[0])).toMatch(new RegExp(`^${origin}/docs/papers/y2025/nov/\\d{8}$`));
      expect(text(item.guid)).toBe(text(item.link[0]));
      expect(item.guid['@_isPermaLink']).toBe('true');
      expect(item.pubDate).toMatch(RFC822);
    }
    expect(items[0]!.pubDate).toBe('Fri, 21 Nov 2025 00:00:00 GMT');
    expect(items[0]!['dc:creator']).toBe('김민수');
    expect(items[0]!.author).toBeUndefined();
    expect(text(items[0]!.category[0])).toBe('Reinforcement Learning');
    const content = items[0]!['content:encoded'] as string;
    expect(content).toBe(render(index.reviews[0]!));
    expect(content).toContain('이번 주에는');
    expect(content).toContain(`src="${origin}/content-assets/papers/y2025/nov/asset/fig.png?v=`);
    for (const url of urlsIn(content)) expect(url).toMatch(/^https?:\/\//);
  });

  test('per-org feed holds only reviews with a paper from that org', () => {
    const meta = parse(orgFeed('meta', index, site, render)).rss.channel;
    expect((meta.item as Xml[]).map((item) => item.title)).toEqual(['지난주 리뷰']);
    expect(text(meta.link[0])).toBe(`${origin}/orgs/meta`);
    expect(meta['atom:link']['@_href']).toBe(`${origin}/orgs/meta/rss.xml`);
    const nvidia = parse(orgFeed('nvidia', index, site, render)).rss.channel;
    expect((nvidia.item as Xml[]).map((item) => item.title)).toEqual(['Weights & <Biases> 리뷰']);
    expect(parse(orgFeed('nobody', index, site, render)).rss.channel.item).toBeUndefined();
  });
});

describe('Atom 1.0', () => {
  let feed: Xml;
  beforeAll(() => {
    feed = parse(siteFeed('atom', index, site, render)).feed;
  });

  test('feed has id, title, RFC 3339 updated, language, author and links', () => {
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@_xml:lang']).toBe('ko');
    expect(feed.id).toBe(`${origin}/atom.xml`);
    expect(feed.title).toBe('Papers Review');
    expect(feed.updated).toMatch(RFC3339);
    expect(Date.parse(feed.updated)).toBe(Date.parse('2025-11-21T00:00:00Z'));
    expect(feed.author[0].name).toBe('Papers Review');
    expect(feed.link.find((l: Parsed) => l['@_rel'] === 'self')['@_href']).toBe(`${origin}/atom.xml`);
    expect(feed.link.find((l: Parsed) => l['@_rel'] === 'alternate')['@_href']).toBe(`${origin}/`);
  });

  test('entries have id, title, updated, alternate link and HTML content', () => {
    expect(feed.entry).toHaveLength(2);
    for (const entry of feed.entry as Xml[]) {
      expect(entry.id).toMatch(new RegExp(`^${origin}/docs/`));
      expect(entry.updated).toMatch(RFC3339);
      expect(entry.published).toMatch(RFC3339);
      // RFC 4287 §4.2.7.2: a link without rel is the alternate.
      const alternate = (entry.link as Parsed[]).find((l) => (l['@_rel'] ?? 'alternate') === 'alternate')!;
      expect(alternate['@_href']).toBe(entry.id);
      expect(entry.content['@_type']).toBe('html');
      for (const url of urlsIn(text(entry.content))) expect(url).toMatch(/^https?:\/\//);
    }
    const [first] = feed.entry as Xml[];
    // type="html": the reader decodes the title as HTML.
    expect(first!.title['@_type']).toBe('html');
    expect(htmlText(text(first!.title))).toBe('Weights & <Biases> 리뷰');
    expect(first!.author[0].name).toBe('김민수');
    expect(first!.category[0]['@_term']).toBe('Reinforcement Learning');
    expect(text(first!.content)).toBe(render(index.reviews[0]!));
    expect(text(first!.content)).toContain('<span class="katex">');
    expect(text(first!.content)).toContain(`<img src="${origin}/content-assets/`);
  });
});

describe('XML a strict reader accepts', () => {
  const channel: FeedChannel = {
    title: 'T & <t>',
    description: 'D & <d>',
    siteUrl: `${origin}/`,
    feedUrl: `${origin}/rss.xml`,
    updated: '2025-11-21T00:00:00Z',
    language: 'ko',
    author: 'A & <a>',
  };
  const item: FeedItem = {
    id: `${origin}/docs/x`,
    url: `${origin}/docs/x`,
    title: 'x ]]> y ]]> <b>&amp;\u0001',
    published: '2025-11-21T00:00:00Z',
    summary: 'S ]]> & <s>',
    html: '<p title="a ]]> b ]]> c">x ]]&gt; y <b>&amp;</b></p>',
    categories: ['R&D', 'a<b', 'q"q'],
    authors: ['Kim & Lee', 'Park <P>'],
  };

  test('RSS: ]]> anywhere, & and <, and characters XML forbids survive as the reader parses them', () => {
    const [parsed] = parse(rssXml(channel, [item])).rss.channel.item as Xml[];
    // Plain text, parsed back as written; only `]]>` comes back as `]]&gt;`
    // (so CDATA cannot end early), which readers that decode titles as HTML show as `]]>`.
    expect(parsed!.title).toBe('x ]]&gt; y ]]&gt; <b>&amp;');
    expect(parsed!.description).toBe('S ]]&gt; & <s>');
    expect(htmlText(parsed!['content:encoded'])).toBe(htmlText(item.html));
    expect(parsed!['content:encoded']).toContain('title="a ]]&gt; b ]]&gt; c"');
    expect((parsed!.category as unknown[]).map(text)).toEqual(['R&D', 'a<b', 'q"q']);
    expect(parsed!['dc:creator']).toEqual(['Kim & Lee', 'Park <P>']);
  });

  test('Atom: the same, with titles and summaries as HTML', () => {
    const [entry] = parse(atomXml({ ...channel, feedUrl: `${origin}/atom.xml` }, [item])).feed.entry as Xml[];
    expect(htmlText(text(entry!.title))).toBe('x ]]> y ]]> <b>&amp;');
    expect(htmlText(text(entry!.summary))).toBe('S ]]> & <s>');
    expect(htmlText(text(entry!.content))).toBe(htmlText(item.html));
    expect((entry!.author as Xml[]).map((a) => a.name)).toEqual(['Kim & Lee', 'Park <P>']);
    // `feed` cannot write a < in an attribute, so that one term is left out rather than break the document.
    expect((entry!.category as Parsed[]).map((c) => c['@_term'])).toEqual(['R&D', 'q"q']);
  });

  test('an empty feed is byte-identical between builds, whatever the clock says', () => {
    const empty = buildIndex(writeContent({}));
    const build = () => [siteFeed('rss', empty, site, render), siteFeed('atom', empty, site, render), orgFeed('meta', empty, site, render)];
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
      const first = build();
      vi.setSystemTime(new Date('2031-06-15T08:30:00Z'));
      expect(build()).toEqual(first);
      expect(parse(first[0]!).rss.channel.lastBuildDate).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
      expect(Date.parse(parse(first[1]!).feed.updated)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
