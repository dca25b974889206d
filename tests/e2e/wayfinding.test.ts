import { expect, inject, test } from 'vitest';
import { archiveFolders, archiveTitle } from '@/lib/content/index/archive';
import { buildIndex } from '@/lib/content/index/content-index';
import { siteConfig } from '@/lib/config/site';
import { setupBrowser } from '@/tests/e2e/browser';

const baseURL = inject('baseURL');
const index = buildIndex(undefined, undefined, { drafts: false });
const browser = setupBrowser();

test('the 404 page has a title of its own', async () => {
  const context = await browser().newContext({ baseURL });
  const page = await context.newPage();
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  expect(await page.title()).toBe(`Page not found · ${siteConfig.name}`);
  await context.close();
});

test('org and tag pages have breadcrumbs that read "Papers / <org>"', async () => {
  const context = await browser().newContext({ baseURL });
  const page = await context.newPage();
  const org = index.orgs[0]!.org;
  await page.goto(`/orgs/${encodeURIComponent(org)}`);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
  expect((await crumbs.innerText()).replace(/\s+/g, ' ').trim()).toBe(`Papers / ${org}`);
  expect(await crumbs.getByRole('link', { name: 'Papers' }).getAttribute('href')).toBe('/papers');
  const tag = index.tags[0]!;
  await page.goto(`/tags/${encodeURIComponent(tag.slug)}`);
  expect((await crumbs.innerText()).replace(/\s+/g, ' ').trim()).toBe(`Papers / #${tag.tag}`);
  await context.close();
});

test('a month archive links to the months before and after it', async () => {
  const months = archiveFolders(index).filter((folder) => folder.split('/').length === 3);
  expect(months).toEqual(['papers/y2025/nov', 'papers/y2025/oct']);
  const context = await browser().newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/docs/papers/y2025/nov');
  const nav = page.getByRole('navigation', { name: 'Other months' });
  expect(await nav.getByRole('link').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
    [`← ${archiveTitle('papers/y2025/oct')}`, '/docs/papers/y2025/oct'],
  ]);
  await page.goto('/docs/papers/y2025/oct');
  expect(await nav.getByRole('link').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
    [`${archiveTitle('papers/y2025/nov')} →`, '/docs/papers/y2025/nov'],
  ]);
  await context.close();
});
