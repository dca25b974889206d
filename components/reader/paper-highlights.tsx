'use client';

import { useEffect, useState } from 'react';
import { HighlightItem } from '@/components/reader/highlight-item';
import { send, useReaderState } from '@/components/reader/reader-store';
import type { HighlightView } from '@/lib/reader/shared';

/**
 * The reader's highlights on a paper, on the paper's own page: every review
 * that discusses it, each with its quote, note and a link to the passage,
 * edited and deleted in place. Nothing for a signed-out reader or a paper
 * they never highlighted.
 */
export function PaperHighlights({ paperId }: { paperId: string }) {
  const reader = useReaderState();
  const userId = reader?.user?.id ?? null;
  const [loaded, setLoaded] = useState<{ userId: string; highlights: HighlightView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!userId || loaded?.userId === userId) return;
    void send('GET', `/api/highlights?${new URLSearchParams({ paperId }).toString()}`).then(
      (data) => setLoaded({ userId, highlights: (data as { highlights: HighlightView[] }).highlights }),
      (e: unknown) => setError(e instanceof Error ? e.message : 'Could not load your highlights.'),
    );
  }, [userId, loaded, paperId]);

  if (!userId) return null;
  if (error) {
    return (
      <p role="alert" className="mt-4 text-sm text-red-600 dark:text-red-400">
        {error}
      </p>
    );
  }
  const highlights = loaded?.userId === userId ? loaded.highlights : [];
  if (highlights.length === 0) return null;
  return (
    <section className="mt-6" aria-labelledby="my-highlights" data-highlights-for={paperId}>
      <h2 id="my-highlights" className="text-lg font-semibold">
        My highlights ({highlights.length.toLocaleString('en')})
      </h2>
      <div className="mt-2 space-y-3">
        {highlights.map((h) => (
          <HighlightItem
            key={h.id}
            highlight={h}
            href={h.href ?? null}
            userId={userId}
            gone={h.gone ?? false}
            context={h.gone ? 'No longer in the review' : null}
          />
        ))}
      </div>
    </section>
  );
}
