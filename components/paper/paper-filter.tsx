'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import type { PaperListItem as Item } from '@/lib/content/index/paper-list';
import { PaperListItem } from '@/components/paper/paper-list-item';

/** The only client code on /papers: filtering a list the server already rendered into the HTML. */
export function PaperFilter({ papers, orgs }: { papers: Item[]; orgs: { org: string; count: number }[] }) {
  const [query, setQuery] = useState('');
  const [org, setOrg] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(query);
  const visible = useMemo(() => {
    const needle = deferredQuery.trim().toLowerCase();
    return papers.filter(
      (paper) =>
        (!org || paper.orgs.includes(org)) &&
        (!needle || paper.name.toLowerCase().includes(needle) || (paper.subtitle ?? '').toLowerCase().includes(needle)),
    );
  }, [papers, org, deferredQuery]);

  const chip = (active: boolean) =>
    `rounded-full px-3 py-1 text-xs font-medium ring-1 ${
      active ? 'bg-blue-600 text-white ring-blue-600' : 'ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800'
    }`;

  return (
    <div>
      <label className="block">
        <span className="sr-only">Search papers by name</span>
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search papers by name…"
          className="w-full rounded-lg bg-white px-3 py-2 text-base ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-blue-500 dark:bg-slate-900 dark:ring-slate-700"
        />
      </label>
      <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label="Filter by organisation">
        <button type="button" className={chip(org === null)} aria-pressed={org === null} onClick={() => setOrg(null)}>
          All ({papers.length})
        </button>
        {orgs.map(({ org: name, count }) => (
          <button
            key={name}
            type="button"
            className={chip(org === name)}
            aria-pressed={org === name}
            onClick={() => setOrg(org === name ? null : name)}
          >
            {name} ({count})
          </button>
        ))}
      </div>
      <p className="mt-4 text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
        {visible.length} of {papers.length} papers
      </p>
      <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
        {visible.map((paper) => (
          <PaperListItem key={paper.paperId} paper={paper} />
        ))}
      </ul>
      {visible.length === 0 ? <p className="py-12 text-center text-slate-500 dark:text-slate-400">No paper matches.</p> : null}
    </div>
  );
}
