'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

export const CONTENT_EVENTS_URL = '/api/dev/content-events';

/**
 * `next dev` only (the root layout mounts it in development): when a file
 * under content/ is saved, added or removed, the open page is rendered again
 * on the server and swapped in place, keeping the scroll position and
 * whatever the reader's islands hold.
 *
 * `version` is the content version the server rendered this page at. The
 * stream sends the current one each time it connects, so a save made before
 * the connection opened (on a first visit the route is still compiling) or
 * while it was down refreshes the page too.
 */
export function LivePreview({ version }: { version: string }) {
  const router = useRouter();
  const shown = useRef(version);
  useEffect(() => {
    shown.current = version;
  }, [version]);
  useEffect(() => {
    const events = new EventSource(CONTENT_EVENTS_URL);
    const refresh = () => router.refresh();
    const compare = (event: MessageEvent<string>) => {
      if (event.data !== shown.current) router.refresh();
    };
    events.addEventListener('change', refresh);
    events.addEventListener('version', compare);
    return () => {
      events.removeEventListener('change', refresh);
      events.removeEventListener('version', compare);
      events.close();
    };
  }, [router]);
  return null;
}
