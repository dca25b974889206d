import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf } from '@/lib/content/source/assets';
import { getContentIndex } from '@/lib/content/index/content-index';

// An image added after the build (or a moment ago under `next dev`, where a
// cached list of params answered 404 for seconds) is read from the folder,
// with the same checks: inside the content folder, an image type, present.
export const dynamicParams = true;

/** Every image a review uses is written out as a static file at build time. */
export function generateStaticParams() {
  // `next dev` serves every image on request (see generateStaticParams of the review page).
  if (process.env.NODE_ENV === 'development') return [];
  const { reviews } = getContentIndex();
  const files = new Set<string>();
  for (const review of reviews) {
    for (const asset of [...Object.values(review.assets.imports), ...Object.values(review.assets.urls)]) {
      files.add(new URL(asset.src, 'http://x').pathname.replace(/^\/content-assets\//, ''));
    }
  }
  return [...files].map((file) => ({ path: file.split('/').map(decodeURIComponent) }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { root } = getContentIndex();
  const relative = (await params).path.map(decodeURIComponent).join('/');
  const file = path.resolve(root, relative);
  const type = contentTypeOf(file);
  if (!type || path.relative(root, file).startsWith('..')) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': type,
        // URLs carry a content hash (`?v=`), so a changed image gets a new URL.
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
