import type { Review } from '@/lib/content/source/parse-review';

/**
 * h2/h3 of the review; sticky beside the article on wide screens, folded above
 * it on phones. Headings without text (`## ![](fig.png)`, `## {#only-id}`) keep
 * their anchor but, as in Docusaurus, no entry.
 */
export function TableOfContents({ review }: { review: Review }) {
  const entries = review.headings.filter((heading) => (heading.depth === 2 || heading.depth === 3) && heading.text);
  if (!entries.length) return null;
  const list = (
    <ol className="space-y-1.5 text-sm">
      {entries.map((heading) => (
        <li key={heading.id} className={heading.depth === 3 ? 'pl-3 text-slate-500 dark:text-slate-400' : ''}>
          <a href={`#${heading.id}`} className="block leading-snug hover:text-blue-600 dark:hover:text-blue-400">
            {heading.text}
          </a>
        </li>
      ))}
    </ol>
  );
  return (
    <>
      <details className="order-first mt-6 rounded-lg p-3 ring-1 ring-slate-200 lg:hidden dark:ring-slate-800">
        <summary className="flex min-h-6 cursor-pointer items-center text-sm font-semibold">On this page</summary>
        <div className="mt-3">{list}</div>
      </details>
      <aside aria-label="On this page" className="hidden lg:block">
        <div className="sticky top-20 max-h-[calc(100dvh-6rem)] overflow-y-auto pt-10">
          <p className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">On this page</p>
          {list}
        </div>
      </aside>
    </>
  );
}
