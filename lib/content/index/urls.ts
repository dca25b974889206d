import { slugify } from '@/lib/content/source/slugs';

export const orgHref = (org: string) => `/orgs/${encodeURIComponent(org)}`;
/** Tags are free text in front matter (`Reinforcement Learning`); their URL is the slug. */
export const tagSlug = (tag: string) => slugify(tag);
export const tagHref = (tag: string) => `/tags/${encodeURIComponent(tagSlug(tag))}`;
