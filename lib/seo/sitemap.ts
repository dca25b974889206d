import type { MetadataRoute } from 'next';
import { archiveFolders, reviewsInFolder } from '@/lib/content/index/archive';
import { orgHref, tagHref, tagSlug } from '@/lib/content/urls';
import { reviewUrl } from '@/lib/content/urls';
import type { ContentIndex, Review } from '@/lib/content/index/content-index';
import { absoluteUrl, siteOrigin } from '@/lib/config/site';

/** Pages only a signed-in reader sees, and the API: nothing for a crawler there. */
export const PRIVATE_PATHS = ['/api/', '/bookmarks', '/library', '/notes', '/account', '/signin'];

// Reviews are newest first, so the first dated one is the latest change to a listing.
const newestDate = (reviews: Review[]) => {
  const date = reviews.map((review) => review.date).find(Boolean);
  return date ? new Date(`${date}T00:00:00Z`) : undefined;
};

/** Every public page built from content, each dated by its newest review. */
export function sitemapEntries(index: ContentIndex, siteUrl: string): MetadataRoute.Sitemap {
  const base = `${siteOrigin(siteUrl)}/`;
  const entry = (path: string, reviews: Review[]) => {
    const lastModified = newestDate(reviews);
    return { url: absoluteUrl(path, base), ...(lastModified ? { lastModified } : {}) };
  };
  return [
    entry('/', index.reviews),
    entry('/papers', index.reviews),
    ...index.reviews.map((review) => entry(review.url, [review])),
    ...archiveFolders(index).map((folder) => entry(reviewUrl(folder), reviewsInFolder(index, folder))),
    ...index.orgs.map(({ org }) =>
      entry(
        orgHref(org),
        index.reviews.filter((r) => r.papers.some((p) => index.byPaperId.get(p.paperId)?.orgs.includes(org))),
      ),
    ),
    ...index.tags.map(({ tag, slug }) =>
      entry(
        tagHref(tag),
        index.reviews.filter((r) => r.tags.some((t) => tagSlug(t) === slug)),
      ),
    ),
  ];
}

export function robotsConfig(siteUrl: string): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: PRIVATE_PATHS },
    sitemap: `${siteOrigin(siteUrl)}/sitemap.xml`,
  };
}
