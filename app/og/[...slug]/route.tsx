import { ImageResponse } from 'next/og';
import { archiveFolders, archiveTitle, reviewsInFolder } from '@/lib/content/index/archive';
import { getContentIndex } from '@/lib/content/index/content-index';
import { formatDate } from '@/lib/content/index/queries';
import { OgCard, ogFonts, ogSize } from '@/components/og/review-card';
import { buildCached } from '@/lib/content/build-cache';

// `opengraph-image` files cannot live under the /docs catch-all, so the cards
// are a static route of their own: /og/papers/y2025/nov/20251121.png.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  const index = getContentIndex();
  return [...index.reviews.map((review) => review.slug), ...archiveFolders(index)].map((slug) => ({ slug: `${slug}.png`.split('/') }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string[] }> }) {
  const slug = (await params).slug
    .map(decodeURIComponent)
    .join('/')
    .replace(/\.png$/, '');
  const index = getContentIndex();
  const review = index.bySlug.get(slug);
  const folder = review ? [] : reviewsInFolder(index, slug);
  if (!review && !folder.length) return new Response('Not found', { status: 404 });
  const card = review
    ? { title: review.title, meta: `${formatDate(review.date)} · ${review.papers.length} papers`, papers: review.papers }
    : { title: archiveTitle(slug), meta: 'Archive', papers: folder.map((r) => ({ name: r.title, orgs: [] })) };
  // Drawing a card is most of a build's static generation: later builds reuse the PNG of an unchanged card.
  const png = await buildCached<Uint8Array<ArrayBuffer>>(
    'og',
    card,
    async () => new Uint8Array(await new ImageResponse(<OgCard {...card} />, { ...ogSize, fonts: await ogFonts() }).arrayBuffer()),
    { encode: (bytes) => Buffer.from(bytes), decode: (bytes) => new Uint8Array(bytes) },
  );
  // The headers ImageResponse gives a production card.
  return new Response(png, {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, immutable, no-transform, max-age=31536000' },
  });
}
