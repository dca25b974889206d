'use client';

import { InlineError } from '@/components/reader/inline-error';
import { useState } from 'react';
import { readingStatusLabels, type ReadingStatusValue } from '@/lib/reader/shared';
import { send, updateReaderState, useReaderState } from '@/components/reader/reader-store';

/** Reading status next to the bookmark; only shown to a signed-in reader. */
export function StatusSelect({ paperId, paperName }: { paperId: string; paperName?: string }) {
  const reader = useReaderState();
  const [error, setError] = useState<string | null>(null);
  if (!reader?.user) return null;
  const current = reader.statuses[paperId] ?? '';

  async function change(value: string) {
    const next = (value || null) as ReadingStatusValue | null;
    const previous = reader?.statuses[paperId] ?? null;
    const write = (status: ReadingStatusValue | null) =>
      updateReaderState((s) => {
        const statuses = { ...s.statuses };
        if (status) statuses[paperId] = status;
        else delete statuses[paperId];
        return { ...s, statuses };
      });
    setError(null);
    write(next);
    try {
      await send('PUT', '/api/status', { paperId, status: next });
    } catch (e) {
      write(previous);
      setError(e instanceof Error ? e.message : 'Could not save the status.');
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <label className="sr-only" htmlFor={`status-${paperId}`}>
        {paperName ? `Reading status for ${paperName}` : 'Reading status'}
      </label>
      <select
        id={`status-${paperId}`}
        value={current}
        onChange={(event) => void change(event.target.value)}
        className="min-h-6 rounded-full bg-transparent px-2 py-0.5 text-xs ring-1 ring-slate-300 dark:ring-slate-700"
      >
        <option value="">No status</option>
        {Object.entries(readingStatusLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <InlineError message={error} />
    </span>
  );
}
