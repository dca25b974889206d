// `tsx scripts/pre-build.ts`: what next.config.ts runs before `next build`, in
// one process: the content check (as `npm run content:check`), then the feed
// HTML (as scripts/render-feed-html.ts). One process rather than two: each
// loads the whole MDX pipeline first, and the feed reads the reviews the check
// just parsed. Exits with CHECK_FAILED when the content check refuses the
// content, so next.config.ts can tell the author which step failed.
import { runContentCheck } from '@/lib/content/check';
import { CHECK_FAILED } from '@/lib/content/check-exit-code';

if (!(await runContentCheck())) process.exit(CHECK_FAILED);
await import('./render-feed-html');
