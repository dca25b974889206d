'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export const CONTENT_EVENTS_URL = '/api/dev/content-events';

/**
 * `next dev` only (the root layout mounts it in development): when a file
 * under content/ is saved, added or removed, the open page is rendered again
 * on the server and swapped in place, keeping the scroll position and
 * whatever the reader's islands hold.
 */
export function LivePreview() {
  const router = useRouter();
  useEffect(() => {
    const events = new EventSource(CONTENT_EVENTS_URL);
    const refresh = () => router.refresh();
    events.addEventListener('change', refresh);
    return () => {
      events.removeEventListener('change', refresh);
      events.close();
    };
  }, [router]);
  return null;
}
