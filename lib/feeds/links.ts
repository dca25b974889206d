import type { Metadata } from 'next';
import { siteConfig } from '@/lib/config/site';
import { orgHref } from '@/lib/content/urls';

export const SITE_RSS = '/rss.xml';
export const SITE_ATOM = '/atom.xml';
export const orgFeedHref = (org: string) => `${orgHref(org)}/rss.xml`;

type Alternates = NonNullable<Metadata['alternates']>;

/**
 * `<link rel="alternate">` for the site's feeds, plus an org's feed on its
 * page. A page that sets `alternates` (a canonical URL) replaces the root
 * layout's, so every such page spreads this in.
 */
export function feedAlternates(org?: string): Pick<Alternates, 'types'> {
  return {
    types: {
      'application/rss+xml': [
        { url: SITE_RSS, title: `${siteConfig.name} (RSS)` },
        ...(org ? [{ url: orgFeedHref(org), title: `${siteConfig.name}: papers from ${org} (RSS)` }] : []),
      ],
      'application/atom+xml': [{ url: SITE_ATOM, title: `${siteConfig.name} (Atom)` }],
    },
  };
}
