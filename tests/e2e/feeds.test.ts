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
