import { tagSlug } from '@/lib/content/urls';
import { contentRoot, listContentFiles, type ContentFile } from '@/lib/content/source/files';
import { lastUpdatedDates } from '@/lib/content/source/last-updated';
import { parseReviewCached } from '@/lib/content/source/parsed-file';
import type { Review } from '@/lib/content/source/parse-review';
import type { PaperEntry } from '@/lib/content/source/papers';
import { papersMetadataPath, readPapersMetadata, type PaperMetadata } from '@/lib/content/papers-metadata';
import { existsSync, statSync } from 'node:fs';

export type Appearance = {
  reviewSlug: string;
  reviewUrl: string;
  reviewTitle: string;
  date: string | null;
  anchor: string;
  position: number;
  subtitle: string | null;
  /** The review's front-matter tags (the library filters papers by them). */
  tags: string[];
  /** The first paragraph of the paper's section in this review, plain text. */
  excerpt: string;
};

/** One paper, however many reviews discuss it. */
export type Paper = {
  paperId: string;
  name: string;
  arxivId: string | null;
  link: string | null;
  orgs: string[];
  subtitle: string | null;
  /** Project page and code links from the first review that has them. */
  projectUrl: string | null;
  codeUrl: string | null;
  /** Title, authors, abstract and dates from arXiv (content/papers-metadata.json); null when not synced. */
  metadata: PaperMetadata | null;
  appearances: Appearance[];
};

export type ContentIndex = {
  root: string;
  /** Newest first; drafts only outside production. */
  reviews: Review[];
  bySlug: Map<string, Review>;
  papers: Paper[];
  byPaperId: Map<string, Paper>;
  orgs: { org: string; count: number }[];
  /** Front-matter tags with the number of reviews that carry them. */
  tags: { tag: string; slug: string; count: number }[];
};

export function includeDrafts(): boolean {
  return process.env.NODE_ENV !== 'production';
}

export function buildIndex(
  root = contentRoot(),
  files: ContentFile[] = listContentFiles(root),
  { drafts = includeDrafts() } = {},
): ContentIndex {
  const updated = lastUpdatedDates(root, files.map((f) => f.file));
  const all = files.map((file) => ({ ...parseReviewCached(file, root), lastUpdated: updated.get(file.file) ?? null }));
  const reviews = all
    .filter((review) => drafts || !review.draft)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.slug.localeCompare(a.slug));

  const byPaperId = new Map<string, Paper>();
  for (const review of reviews) {
    for (const entry of review.papers) addAppearance(byPaperId, review, entry);
  }
  const metadata = readPapersMetadata(root);
  for (const paper of byPaperId.values()) paper.metadata = (paper.arxivId && metadata.get(paper.arxivId)) || null;
  const papers = [...byPaperId.values()];
  const orgCounts = new Map<string, number>();
  for (const paper of papers) for (const org of paper.orgs) orgCounts.set(org, (orgCounts.get(org) ?? 0) + 1);
  const orgs = [...orgCounts].map(([org, count]) => ({ org, count })).sort((a, b) => b.count - a.count || a.org.localeCompare(b.org));

  const tagCounts = new Map<string, { tag: string; count: number }>();
  for (const review of reviews) {
    for (const tag of new Set(review.tags)) {
      const slug = tagSlug(tag);
      const entry = tagCounts.get(slug) ?? { tag, count: 0 };
      entry.count += 1;
      tagCounts.set(slug, entry);
    }
  }
  const tags = [...tagCounts].map(([slug, { tag, count }]) => ({ tag, slug, count })).sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));

  return { root, reviews, bySlug: new Map(reviews.map((r) => [r.slug, r])), papers, byPaperId, orgs, tags };
}

function addAppearance(byPaperId: Map<string, Paper>, review: Review, entry: PaperEntry) {
  const appearance: Appearance = {
    reviewSlug: review.slug,
    reviewUrl: review.url,
    reviewTitle: review.title,
    date: review.date,
    anchor: entry.anchor,
    position: entry.position,
    subtitle: entry.subtitle,
    tags: review.tags,
    excerpt: entry.excerpt,
  };
  const known = byPaperId.get(entry.paperId);
  if (!known) {
    byPaperId.set(entry.paperId, {
      paperId: entry.paperId,
      name: entry.name,
      arxivId: entry.arxivId,
      link: entry.link,
      orgs: [...entry.orgs],
      subtitle: entry.subtitle,
      projectUrl: entry.projectUrl,
      codeUrl: entry.codeUrl,
      metadata: null,
      appearances: [appearance],
    });
    return;
  }
  known.appearances.push(appearance);
  known.subtitle ??= entry.subtitle;
  known.projectUrl ??= entry.projectUrl;
  known.codeUrl ??= entry.codeUrl;
  for (const org of entry.orgs) if (!known.orgs.includes(org)) known.orgs.push(org);
}

let cached: { signature: string; index: ContentIndex } | null = null;

/**
 * The content index for this process. A production server and each build
 * worker parse the files once; `next dev` re-checks file times on each call
 * (a few stat calls) and re-parses only after an author saves.
 */
export function getContentIndex(): ContentIndex {
  const root = contentRoot();
  if (cached && process.env.NODE_ENV === 'production' && cached.index.root === root) return cached.index;
  const files = listContentFiles(root);
  // papers-metadata.json too: after `npm run papers:sync` a running `next dev` shows the new metadata.
  const metadataFile = papersMetadataPath(root);
  const metadataStamp = existsSync(metadataFile) ? statSync(metadataFile).mtimeMs : 0;
  const signature = `${root}|${metadataStamp}|${files.map((f) => `${f.slug}:${f.mtimeMs}:${f.size}`).join('|')}`;
  if (cached?.signature !== signature) cached = { signature, index: buildIndex(root, files) };
  return cached.index;
}

export type { Review } from '@/lib/content/source/parse-review';
export type { PaperEntry } from '@/lib/content/source/papers';
