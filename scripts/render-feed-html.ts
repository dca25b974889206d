// `tsx scripts/render-feed-html.ts`: renders every review a feed carries with
// react-dom/server and writes the HTML, URLs made absolute, to the file the
// feed routes read (lib/feeds/feed-html-file.ts says why it is a file).
// scripts/pre-build.ts runs it before `next build`; in `next dev` the routes run it
// before each read. Reads CONTENT_DIR, SITE_URL and NEXT_DIST_DIR like the app.
import { register } from 'node:module';
import path from 'node:path';
import { siteConfig } from '@/lib/config/site';
import { getContentIndex } from '@/lib/content/index/content-index';
import { otherAppearances } from '@/lib/content/index/paper-lookup';
import { ContentError } from '@/lib/content/source/problems';
import { absoluteHtml } from '@/lib/feeds/absolute-html';
import { absoluteUrl, siteOrigin } from '@/lib/config/site';
import { feedHtmlPath, sourceHash, writeFeedHtml, type FeedHtmlFile } from '@/lib/feeds/feed-html-file';
import { feedReviews } from '@/lib/feeds/review-feed';

// The review renderer imports `server-only`, which throws outside Next's
// react-server bundles by design. This process is a server-side build step,
// so here (as in vitest.config.ts) the marker resolves to an empty module.
const serverOnlyIsEmpty = `export async function resolve(specifier, context, next) {
  return specifier === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(serverOnlyIsEmpty)}`);

// Loaded after the hook is in place; static imports would resolve before it.
const { renderToStaticMarkup } = await import('react-dom/server');
const { renderReview } = await import('@/components/review/review-body');
const { feedMdxComponents } = await import('@/components/review/mdx-components');

const started = performance.now();
const index = getContentIndex();
const origin = siteOrigin(siteConfig.url);
const reviews: FeedHtmlFile['reviews'] = {};
try {
  for (const review of feedReviews(index)) {
    const element = await renderReview(review, index.root, otherAppearances(index, review), feedMdxComponents);
    const html = absoluteHtml(renderToStaticMarkup(element), absoluteUrl(review.url, `${origin}/`));
    reviews[review.slug] = { source: sourceHash(review), html };
  }
} catch (error) {
  // A broken review reads as `file:line:column message`; anything else keeps its stack.
  if (!(error instanceof ContentError)) throw error;
  console.error(`render-feed-html: ${error.message}`);
  process.exit(1);
}
writeFeedHtml({ version: 1, origin, reviews });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`render-feed-html: ${Object.keys(reviews).length} reviews → ${path.relative(process.cwd(), feedHtmlPath())} (${seconds}s)`);
