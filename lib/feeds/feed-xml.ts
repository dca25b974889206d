import { Feed, type Extension, type Item } from 'feed';
import type { FeedChannel, FeedItem } from '@/lib/feeds/types';

/**
 * RSS 2.0 and Atom 1.0 documents from the `feed` package. What it leaves to
 * the caller is done here: a fixed `updated` (so an unchanged site gives a
 * byte-identical feed), and text it would write into broken XML.
 */

/** RSS 2.0 with the full review in content:encoded and each author as dc:creator. */
export function rssXml(channel: FeedChannel, items: FeedItem[]): string {
  const feed = new Feed({ ...channelOptions(channel), feedLinks: { rss: channel.feedUrl } });
  for (const item of items) {
    feed.addItem({
      ...itemOptions(channel, item),
      // Plain text: a reader parses back the title itself, `&` and `<` included.
      title: cdataSafe(xmlText(item.title)),
      description: cdataSafe(xmlText(item.summary)),
      category: item.categories.map((name) => ({ name: xmlText(name) })),
      // RSS's own <author> is an email address; names go in Dublin Core.
      extensions: item.authors.length ? [{ name: 'dc:creator', objects: repeated(item.authors.map(xmlText)) }] : [],
    });
  }
  return feed.rss2();
}

/** Atom 1.0 (RFC 4287) with the full review as HTML content. */
export function atomXml(channel: FeedChannel, items: FeedItem[]): string {
  const feed = new Feed({ ...channelOptions(channel), id: channel.feedUrl, feedLinks: { atom: channel.feedUrl } });
  for (const item of items) {
    const authors = item.authors.length ? item.authors : [channel.author];
    feed.addItem({
      ...itemOptions(channel, item),
      id: item.id,
      // `feed` declares Atom titles and summaries type="html": escape the text as HTML.
      title: escapeHtml(xmlText(item.title)),
      description: item.summary ? escapeHtml(xmlText(item.summary)) : undefined,
      author: authors.map((name) => ({ name: xmlText(name) })),
      // `feed` escapes & but not < in attribute values, and a < there is not XML.
      category: item.categories.filter((term) => !term.includes('<')).map((term) => ({ term: xmlText(term) })),
    });
  }
  // `feed` has no option for an Atom feed's language; RFC 4287 puts it in xml:lang on the root.
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  const xml = feed.atom1();
  if (!xml.includes(root)) throw new Error(`feed's Atom output no longer starts with ${root}: update atomXml`);
  return xml.replace(root, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(channel.language)}">`);
}

function channelOptions(channel: FeedChannel) {
  return {
    title: xmlText(channel.title),
    description: xmlText(channel.description),
    link: channel.siteUrl,
    language: channel.language,
    updated: new Date(channel.updated),
    author: { name: xmlText(channel.author), link: channel.siteUrl },
    // No generator element: the output depends only on the content.
    generator: false as const,
  };
}

function itemOptions(channel: FeedChannel, item: FeedItem): Omit<Item, 'title'> {
  return {
    link: item.url,
    // Undated reviews take the channel's date, which itself is fixed by the content.
    date: new Date(item.published ?? channel.updated),
    ...(item.published ? { published: new Date(item.published) } : {}),
    content: cdataSafe(xmlText(item.html)),
  };
}

// Characters XML 1.0 forbids outright; a stray one makes strict readers reject the whole feed.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(value: string): string {
  return value.replace(INVALID_XML, '');
}

/**
 * `feed` writes HTML in CDATA, and its XML writer splits only the first `]]>`
 * across two sections; a second one would end the section early. In HTML,
 * `&gt;` is the same character as `>`, so no `]]>` is left for it to miss.
 */
function cdataSafe(html: string): string {
  return html.replaceAll(']]>', ']]&gt;');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** `feed` types an extension's objects as a record; its XML writer turns an array into repeated elements. */
function repeated(texts: string[]): Extension['objects'] {
  return texts.map((text) => ({ _text: text })) as unknown as Extension['objects'];
}
