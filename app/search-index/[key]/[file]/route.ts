import { siteSearchIndex } from '@/lib/search/site-index';

// Every shard of the search index (lib/search/wire-format.ts) is written at
// build time as a static file: a query fetches the few it needs from the CDN,
// no function runs. Their URLs carry the build's key, so none changes in place.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams(): { key: string; file: string }[] {
  return [...siteSearchIndex().files.keys()].map((path) => {
    const [, , key, file] = path.split('/');
    return { key: key!, file: file! };
  });
}

export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  const body = siteSearchIndex().files.get(`/search-index/${key}/${file}`);
  if (body === undefined) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
}
