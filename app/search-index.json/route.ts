import { getContentIndex } from '@/lib/content/index/content-index';
import { buildSearchDocuments } from '@/lib/search/documents';
import { serializeSearchIndex } from '@/lib/search/engine';

// Written once at build time as a static file; the search box fetches it lazily on open.
export const dynamic = 'force-static';

export function GET() {
  const json = serializeSearchIndex(buildSearchDocuments(getContentIndex()));
  return new Response(json, { headers: { 'Content-Type': 'application/json' } });
}
