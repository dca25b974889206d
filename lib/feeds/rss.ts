import type { FeedChannel, FeedItem } from '@/lib/feeds/types';
import { attributes, cdata, element } from '@/lib/feeds/xml';

/** RFC 822 date for RSS 2.0 (`Fri, 21 Nov 2025 00:00:00 GMT`). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RSS 2.0 with the full review in content:encoded. */
export function buildRss(channel: FeedChannel, items: FeedItem[]): string {
  const entries = items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.url),
      element('guid', item.id, { isPermaLink: String(item.id === item.url) }),
      item.published ? element('pubDate', rfc822(item.published)) : '',
      element('description', item.summary),
      ...item.authors.map((author) => element('dc:creator', author)),
      ...item.categories.map((category) => element('category', category)),
      `<content:encoded>${cdata(item.html)}</content:encoded>`,
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0"${attributes({ 'xmlns:content': 'http://purl.org/rss/1.0/modules/content/', 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' })}>`,
    '<channel>',
    element('title', channel.title),
    element('link', channel.siteUrl),
    element('description', channel.description),
    element('language', channel.language),
    element('lastBuildDate', rfc822(channel.updated)),
    `<atom:link${attributes({ href: channel.feedUrl, rel: 'self', type: 'application/rss+xml' })}/>`,
    ...entries,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
