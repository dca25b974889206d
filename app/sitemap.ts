import type { MetadataRoute } from 'next';
import { getContentIndex } from '@/lib/content/index/content-index';
import { sitemapEntries } from '@/lib/seo/sitemap';
import { siteConfig } from '@/lib/config/site';

// Built from content/ alone, once per build.
export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries(getContentIndex(), siteConfig.url);
}
