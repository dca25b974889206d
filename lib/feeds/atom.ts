import type { FeedChannel, FeedItem } from '@/lib/feeds/types';
import { attributes, element } from '@/lib/feeds/xml';

/** Atom 1.0 (RFC 4287) with the full review as escaped HTML content. */
export function buildAtom(channel: FeedChannel, items: FeedItem[]): string {
  const entries = items.map((item) => {
    const updated = item.published ?? channel.updated;
    const authors = item.authors.length ? item.authors : [channel.author];
    return [
      '<entry>',
      element('id', item.id),
      element('title', item.title),
      element('updated', updated),
      item.published ? element('published', item.published) : '',
      `<link${attributes({ rel: 'alternate', type: 'text/html', href: item.url })}/>`,
      ...authors.map((name) => `<author>${element('name', name)}</author>`),
      ...item.categories.map((term) => `<category${attributes({ term })}/>`),
      item.summary ? element('summary', item.summary) : '',
      element('content', item.html, { type: 'html', 'xml:base': item.url }),
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed${attributes({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': channel.language })}>`,
    element('id', channel.feedUrl),
    element('title', channel.title),
    element('subtitle', channel.description),
    element('updated', channel.updated),
    `<author>${element('name', channel.author)}${element('uri', channel.siteUrl)}</author>`,
    `<link${attributes({ rel: 'self', type: 'application/atom+xml', href: channel.feedUrl })}/>`,
    `<link${attributes({ rel: 'alternate', type: 'text/html', href: channel.siteUrl })}/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
