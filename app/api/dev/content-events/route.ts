// `next dev` only: streams a change event whenever a file under the content
// folder is saved, added or removed, for the live preview
// (components/dev/live-preview.tsx). A production build compiles the branch
// away, watcher and all, and answers 404.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  if (process.env.NODE_ENV !== 'development') return new Response('Not found', { status: 404 });
  const { contentChangeStream } = await import('@/lib/content/dev/content-watcher');
  return contentChangeStream(request.signal);
}
