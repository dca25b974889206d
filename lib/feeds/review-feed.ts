import { orgHref } from '@/lib/content/urls';
import type { ContentIndex, Review } from '@/lib/content/index/content-index';
import { absoluteUrl, siteOrigin } from '@/lib/config/site';
import { atomXml, rssXml } from '@/lib/feeds/feed-xml';
import type { FeedChannel, FeedItem } from '@/lib/feeds/types';

/** How many reviews a feed carries: a few months of weekly reviews. */
export const FEED_SIZE = 20;

export type SiteInfo = { name: string; description: string; url: string };
/** Review → full HTML with absolute URLs; routes read it from the build step's file (feed-html-file.ts). */
export type ReviewHtml = (review: Review) => string;

export function latestReviews(index: ContentIndex, limit = FEED_SIZE): Review[] {
  return index.reviews.slice(0, limit);
}

/** Reviews that discuss at least one paper of `org`, by the same paper→org map the org page uses. */
export function orgReviews(index: ContentIndex, org: string, limit = FEED_SIZE): Review[] {
  return index.reviews
    .filter((review) => review.papers.some((paper) => index.byPaperId.get(paper.paperId)?.orgs.includes(org)))
    .slice(0, limit);
}

/** Every review some feed carries (the site's or an org's), newest first: what the build step renders. */
export function feedReviews(index: ContentIndex): Review[] {
  const inFeeds = new Set([...latestReviews(index), ...index.orgs.flatMap(({ org }) => orgReviews(index, org))]);
  return index.reviews.filter((review) => inFeeds.has(review));
}

const toRfc3339 = (date: string | null) => (date ? `${date}T00:00:00Z` : null);

function channelFor(
  site: SiteInfo,
  reviews: Review[],
  { title, description, pagePath, feedPath }: { title: string; description: string; pagePath: string; feedPath: string },
): FeedChannel {
  const origin = siteOrigin(site.url);
  const newest = reviews.map((review) => review.date).find(Boolean) ?? null;
  return {
    title,
    description,
    siteUrl: absoluteUrl(pagePath, `${origin}/`),
    feedUrl: absoluteUrl(feedPath, `${origin}/`),
    // A fixed fallback keeps an empty feed byte-identical between builds.
    updated: toRfc3339(newest) ?? '1970-01-01T00:00:00Z',
    language: 'ko',
    author: site.name,
  };
}

function itemsFor(site: SiteInfo, reviews: Review[], render: ReviewHtml): FeedItem[] {
  const origin = siteOrigin(site.url);
  return reviews.map((review) => {
    const url = absoluteUrl(review.url, `${origin}/`);
    return {
      id: url,
      url,
      title: review.title,
      published: toRfc3339(review.date),
      summary: review.description,
      html: render(review),
      categories: review.tags,
      authors: review.authors,
    };
  });
}

export type FeedFormat = 'rss' | 'atom';

/** The site-wide feed of the newest reviews. */
export function siteFeed(format: FeedFormat, index: ContentIndex, site: SiteInfo, render: ReviewHtml): string {
  const reviews = latestReviews(index);
  const channel = channelFor(site, reviews, {
    title: site.name,
    description: site.description,
    pagePath: '/',
    feedPath: format === 'rss' ? '/rss.xml' : '/atom.xml',
  });
  const items = itemsFor(site, reviews, render);
  return format === 'rss' ? rssXml(channel, items) : atomXml(channel, items);
}

/** RSS of the reviews that discuss papers from one org. */
export function orgFeed(org: string, index: ContentIndex, site: SiteInfo, render: ReviewHtml): string {
  const reviews = orgReviews(index, org);
  const channel = channelFor(site, reviews, {
    title: `${site.name} · ${org}`,
    description: `Reviews that discuss papers from ${org}.`,
    pagePath: orgHref(org),
    feedPath: `${orgHref(org)}/rss.xml`,
  });
  return rssXml(channel, itemsFor(site, reviews, render));
}
