import { siteSearchIndex } from '@/lib/search/site-index';

// Written once at build time as a static file; the search box fetches it lazily on open.
export const dynamic = 'force-static';

export function GET() {
  return new Response(siteSearchIndex().head, { headers: { 'Content-Type': 'application/json' } });
}
