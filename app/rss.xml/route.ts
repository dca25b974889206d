import { getContentIndex } from '@/lib/content/index/content-index';
import { loadFeedHtml } from '@/lib/feeds/feed-html-file';
import { RSS_TYPE, xmlResponse } from '@/lib/feeds/response';
import { siteFeed } from '@/lib/feeds/review-feed';
import { siteConfig } from '@/lib/config/site';

// Written once at build time from content/; no request data is read.
export const dynamic = 'force-static';

export function GET() {
  return xmlResponse(siteFeed('rss', getContentIndex(), siteConfig, loadFeedHtml(siteConfig.url)), RSS_TYPE);
}
