import { getContentIndex } from '@/lib/content/index/content-index';
import { reviewHtmlRenderer } from '@/lib/feeds/render-review';
import { ATOM_TYPE, xmlResponse } from '@/lib/feeds/response';
import { siteFeed } from '@/lib/feeds/review-feed';
import { siteConfig } from '@/lib/config/site';

// Written once at build time from content/; no request data is read.
export const dynamic = 'force-static';

export async function GET() {
  const index = getContentIndex();
  return xmlResponse(await siteFeed('atom', index, siteConfig, reviewHtmlRenderer(index, siteConfig.url)), ATOM_TYPE);
}
