import Link from 'next/link';
import type { Paper } from '@/lib/content/index/content-index';
import { formatDate } from '@/lib/content/index/queries';
import { appearanceHref, paperHref } from '@/lib/content/urls';
import { OrgBadges } from '@/components/paper/org-badges';
import { PapersBreadcrumb } from '@/components/paper/papers-breadcrumb';
import { CollectionPicker } from '@/components/reader/collection-picker';
import { PaperActions } from '@/components/reader/paper-actions';
import { PaperHighlights } from '@/components/reader/paper-highlights';
import { PaperNotes } from '@/components/reader/paper-notes';

/**
 * A paper's own page: what arXiv says about it (when synced), where to read
 * it, every review that discusses it, other papers from its orgs, and the
 * reader's island (bookmark, status, collections, notes, highlights). Static: the reader
 * parts are the same client islands as under a review heading.
 */
export function PaperPageView({ paper, sameOrg }: { paper: Paper; sameOrg: Paper[] }) {
  const meta = paper.metadata;
  const arxivId = paper.arxivId;
  const links = [
    ...(arxivId
      ? [
          { href: `https://arxiv.org/abs/${arxivId}`, label: `arXiv ${arxivId}` },
          { href: `https://arxiv.org/pdf/${arxivId}`, label: 'PDF' },
          { href: `https://huggingface.co/papers/${arxivId}`, label: 'Hugging Face' },
        ]
      : []),
    ...(paper.projectUrl ? [{ href: paper.projectUrl, label: 'Project page' }] : []),
    ...(paper.codeUrl ? [{ href: paper.codeUrl, label: 'Code' }] : []),
  ];
  const title = meta?.title ?? paper.subtitle;
  return (
    <article className="mx-auto max-w-3xl pt-10" data-paper-page={paper.paperId}>
      <PapersBreadcrumb>{paper.name}</PapersBreadcrumb>
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{paper.name}</h1>
      {title && title !== paper.name ? <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">{title}</p> : null}
      {meta?.authors.length ? <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{meta.authors.join(', ')}</p> : null}
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
        <OrgBadges orgs={paper.orgs} />
        {meta ? (
          <span>
            Published <time dateTime={meta.published}>{formatDate(meta.published)}</time>
            {meta.updated !== meta.published ? (
              <>
                {' · updated '}
                <time dateTime={meta.updated}>{formatDate(meta.updated)}</time>
              </>
            ) : null}
          </span>
        ) : null}
      </p>
      {links.length ? (
        <p className="paper-links mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {links.map((link) => (
            <a
              key={link.href}
              href={link.href}
              rel="noopener noreferrer"
              className="inline-flex min-h-6 items-center text-blue-700 underline dark:text-blue-400"
            >
              {link.label}
              {link.label === 'PDF' ? <span className="sr-only"> of {paper.name}</span> : null}
            </a>
          ))}
        </p>
      ) : null}

      {/* .paper-row pulls itself up under a review heading; here it sits below the links. */}
      <div className="mt-8">
        <div className="paper-row not-prose" data-paper-row={paper.paperId}>
          <PaperActions paperId={paper.paperId} paperName={paper.name} anchorHref={paperHref(paper.paperId)} />
          <CollectionPicker paperId={paper.paperId} paperName={paper.name} />
        </div>
      </div>
      <div className="prose prose-slate max-w-prose dark:prose-invert">
        <div className="-mt-3 mb-5 empty:hidden">
          <PaperNotes paperId={paper.paperId} />
        </div>
      </div>
      <PaperHighlights paperId={paper.paperId} />

      {meta?.abstract ? (
        <section className="mt-8" aria-labelledby="abstract">
          <h2 id="abstract" className="text-xl font-semibold">
            Abstract
          </h2>
          <p className="mt-2 max-w-prose leading-relaxed text-slate-800 dark:text-slate-200">{meta.abstract}</p>
        </section>
      ) : null}

      <section className="mt-8" aria-labelledby="reviews">
        <h2 id="reviews" className="text-xl font-semibold">
          {paper.appearances.length === 1 ? 'Reviewed in' : `Reviewed in ${paper.appearances.length} reviews`}
        </h2>
        <ul className="mt-3 space-y-4">
          {paper.appearances.map((appearance) => (
            <li key={appearance.reviewSlug + appearance.anchor} className="rounded-lg p-4 ring-1 ring-slate-200 dark:ring-slate-800">
              <p className="text-sm text-slate-600 dark:text-slate-400">
                <a href={appearance.reviewUrl} className="font-medium text-slate-900 hover:underline dark:text-slate-100">
                  {appearance.reviewTitle}
                </a>
                {appearance.date ? <> · {formatDate(appearance.date)}</> : null}
              </p>
              {appearance.excerpt ? <p className="mt-2 max-w-prose leading-relaxed break-words">{appearance.excerpt}</p> : null}
              <p className="mt-2 text-sm">
                <a
                  href={appearanceHref(appearance)}
                  className="inline-flex min-h-6 items-center text-blue-700 underline dark:text-blue-400"
                >
                  Read the review of {paper.name}
                </a>
              </p>
            </li>
          ))}
        </ul>
      </section>

      {sameOrg.length ? (
        <section className="mt-8" aria-labelledby="same-org">
          <h2 id="same-org" className="text-xl font-semibold">
            More from {paper.orgs.join(', ')}
          </h2>
          <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
            {sameOrg.map((other) => (
              <li key={other.paperId} className="py-2">
                <Link href={paperHref(other.paperId)} className="font-medium hover:underline">
                  {other.name}
                </Link>{' '}
                <OrgBadges orgs={other.orgs} />
                {other.subtitle && other.subtitle !== other.name ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400">{other.subtitle}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
