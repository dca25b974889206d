import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOutputPath } from '@/lib/config/build-output';
import type { Review } from '@/lib/content/index/content-index';
import { siteOrigin } from '@/lib/config/site';
import type { ReviewHtml } from '@/lib/feeds/review-feed';

/**
 * Feed routes need each review as HTML, which only react-dom/server renders
 * faithfully, and Next bundles route handlers for react-server, where
 * react-dom/server is refused. So a build step (scripts/render-feed-html.ts)
 * renders them into a JSON file that the routes read. It lives in .next/cache,
 * which Next keeps (and Vercel restores) while it empties the rest of the
 * dist folder at the start of `next build`, after next.config.ts wrote it.
 */
export const FEED_HTML_FILE = 'cache/papers-review/feed-html.json';
export const FEED_HTML_SCRIPT = 'scripts/render-feed-html.ts';
const COMMAND = `npx tsx ${FEED_HTML_SCRIPT}`;

export type FeedHtmlFile = {
  version: 1;
  /** The origin the URLs in each `html` were made absolute against. */
  origin: string;
  /** By review slug: the SHA-256 of the source file that was rendered, and the HTML. */
  reviews: Record<string, { source: string; html: string }>;
};

export function feedHtmlPath(): string {
  return buildOutputPath(FEED_HTML_FILE);
}

export function sourceHash(review: Pick<Review, 'file'>): string {
  return createHash('sha256').update(readFileSync(review.file)).digest('hex');
}

/** Written whole, then renamed into place: two dev requests regenerating at once never read half a file. */
export function writeFeedHtml(content: FeedHtmlFile, file = feedHtmlPath()): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(content));
  renameSync(partial, file);
}

/** Runs the build step in its own process, where react-dom/server is allowed. */
export function renderFeedHtml(): void {
  const cwd = process.cwd();
  const tsx = path.join(/* turbopackIgnore: true */ cwd, 'node_modules', '.bin', 'tsx');
  try {
    execFileSync(tsx, [path.join(/* turbopackIgnore: true */ cwd, FEED_HTML_SCRIPT)], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`\`${COMMAND}\` failed: ${stderr || (error as Error).message}`);
  }
}

/**
 * Each review's feed HTML, as the build step wrote it. `next dev` runs the
 * step first, so feeds show the content as saved.
 */
export function loadFeedHtml(siteUrl: string): ReviewHtml {
  if (process.env.NODE_ENV === 'development') renderFeedHtml();
  return readFeedHtml(siteUrl);
}

/**
 * A missing, stale or foreign file is an error that names the file and the
 * fix, never a feed with empty or outdated reviews: nobody would see that
 * one until readers complained.
 */
export function readFeedHtml(siteUrl: string, file = feedHtmlPath()): ReviewHtml {
  const fix = `\`next build\` writes it from next.config.ts before compiling; to write it alone, run \`${COMMAND}\``;
  let content: FeedHtmlFile;
  try {
    content = JSON.parse(readFileSync(file, 'utf8')) as FeedHtmlFile;
  } catch (error) {
    throw new Error(`Feed HTML file ${file} cannot be read (${(error as Error).message}). ${fix}.`);
  }
  if (content.version !== 1) throw new Error(`Feed HTML file ${file} has an unknown format. ${fix}.`);
  const origin = siteOrigin(siteUrl);
  if (content.origin !== origin) {
    throw new Error(`Feed HTML file ${file} has URLs for ${content.origin}, but this site is ${origin}. ${fix} with the same SITE_URL.`);
  }
  return (review) => {
    const entry = content.reviews[review.slug];
    if (!entry) throw new Error(`Feed HTML file ${file} has no HTML for ${review.slug}. ${fix}.`);
    if (entry.source !== sourceHash(review)) throw new Error(`Feed HTML file ${file} holds an older ${review.file}. ${fix}.`);
    return entry.html;
  };
}
