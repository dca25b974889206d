import type { MetadataRoute } from 'next';
import { robotsConfig } from '@/lib/seo/sitemap';
import { siteConfig } from '@/lib/config/site';

export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return robotsConfig(siteConfig.url);
}
