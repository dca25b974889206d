import type { MetadataRoute } from 'next';
import { robotsConfig } from '@/lib/feeds/sitemap';
import { siteConfig } from '@/lib/site';

export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return robotsConfig(siteConfig.url);
}
