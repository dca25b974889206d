import { getContentIndex } from '@/lib/content/index/content-index';
import { loadFeedHtml } from '@/lib/feeds/feed-html-file';
import { RSS_TYPE, xmlResponse } from '@/lib/feeds/response';
import { orgFeed } from '@/lib/feeds/review-feed';
import { siteConfig } from '@/lib/config/site';

// One file per org, written at build time; unknown orgs are a 404, not a render.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getContentIndex().orgs.map(({ org }) => ({ org }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const org = decodeURIComponent((await params).org);
  const index = getContentIndex();
  if (!index.orgs.some((entry) => entry.org === org)) return new Response('Not found', { status: 404 });
  return xmlResponse(orgFeed(org, index, siteConfig, loadFeedHtml(siteConfig.url)), RSS_TYPE);
}
