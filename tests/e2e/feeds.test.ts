import { expect, inject, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });

test.each([
  ['/rss.xml', 'application/rss+xml; charset=utf-8'],
  ['/atom.xml', 'application/atom+xml; charset=utf-8'],
])('%s is served with full content and absolute URLs', async (path, type) => {
  const response = await fetch(`${baseURL}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(type);
  const xml = await response.text();
  for (const review of index.reviews) expect(xml).toContain(review.title.replace(/&/g, '&amp;'));
  // RSS carries HTML in CDATA, Atom entity-escaped: match both quotings.
  expect(xml).toMatch(/src=(?:"|&quot;)https?:\/\/[^"&]+\/content-assets\//);
  expect(xml).not.toMatch(/src=(?:"|&quot;)\/content-assets/);
  expect(xml).not.toContain('data-paper-row');
});

test('sitemap and robots', async () => {
  const sitemap = await (await fetch(`${baseURL}/sitemap.xml`)).text();
  for (const review of index.reviews) expect(sitemap).toContain(`${review.url}</loc>`);
  const robots = await (await fetch(`${baseURL}/robots.txt`)).text();
  expect(robots).toMatch(/Disallow: \/api\//);
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
});

test('each review has an Open Graph image drawn at build, 1200×630 PNG', async () => {
  const review = index.reviews[0]!;
  const html = await (await fetch(`${baseURL}${review.url}`)).text();
  const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  expect(ogImage).toMatch(new RegExp(`/og/${review.slug}\\.png$`));
  const response = await fetch(`${baseURL}${new URL(ogImage!).pathname}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  const png = Buffer.from(await response.arrayBuffer());
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test('every page points at the site feeds; an org page also at its own feed, and shows it', async () => {
  const alternates = (html: string) =>
    [...html.matchAll(/<link\b[^>]*>/g)]
      .map(([tag]) => Object.fromEntries([...tag.matchAll(/([a-z]+)="([^"]*)"/g)].map(([, name, value]) => [name, value])))
      .filter((attrs) => attrs.rel === 'alternate' && /^application\/(rss|atom)\+xml$/.test(attrs.type ?? ''))
      .map((attrs) => `${attrs.type} ${new URL(attrs.href!.replace(/&amp;/g, '&'), baseURL).pathname}`);
  const org = index.orgs[0]!.org;
  const orgPath = `/orgs/${encodeURIComponent(org)}`;
  for (const path of ['/', index.reviews[0]!.url, '/papers', '/signin', '/no-such-page', orgPath]) {
    const html = await (await fetch(`${baseURL}${path}`)).text();
    expect(alternates(html), path).toEqual(expect.arrayContaining(['application/rss+xml /rss.xml', 'application/atom+xml /atom.xml']));
    // Visible links in the footer.
    expect(html, path).toMatch(/<footer[\s\S]*<a href="\/rss\.xml"[^>]*>RSS feed<\/a>[\s\S]*<\/footer>/);
  }
  const orgHtml = await (await fetch(`${baseURL}${orgPath}`)).text();
  expect(alternates(orgHtml)).toContain(`application/rss+xml ${orgPath}/rss.xml`);
  expect(orgHtml).toContain(`href="${orgPath}/rss.xml"`);
  expect(orgHtml).toContain(`RSS feed of papers from ${org}`);
  const feed = await fetch(`${baseURL}${orgPath}/rss.xml`);
  expect(feed.status).toBe(200);
  // Other pages do not advertise an org feed.
  const home = await (await fetch(`${baseURL}/`)).text();
  expect(alternates(home).some((entry) => entry.includes('/orgs/'))).toBe(false);
});
