import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { HighlightItem } from '@/components/reader/highlight-item';
import { NoteBody } from '@/components/reader/note-body';
import { OrgBadges } from '@/components/paper/org-badges';
import { Pagination, queryPageHref } from '@/components/layout/pagination';
import { requireReader } from '@/lib/auth/session';
import { paperCatalog } from '@/lib/content/index/catalog';
import { lookupPaper } from '@/lib/content/index/paper-lookup';
import { presentHighlight } from '@/lib/reader/highlights';
import { renderNoteMarkdown } from '@/lib/reader/note-markdown';
import { listNotebookPage, type NotebookHighlight } from '@/lib/reader/notebook';
import { NOTES_LIST_PAGE_SIZE } from '@/lib/reader/shared';

export const metadata: Metadata = { title: 'My notes and highlights', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export default async function NotesPage({ searchParams }: Props) {
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .parse((await searchParams).page);
  const user = await requireReader('/notes');
  // Paged by item, not by paper: a page is bounded even when one paper holds thousands of notes.
  const { groups, total } = await listNotebookPage(user.id, { page, pageSize: NOTES_LIST_PAGE_SIZE });
  const catalog = paperCatalog();
  const present = async (list: NotebookHighlight[]) =>
    Promise.all(list.map(async (h) => ({ view: await presentHighlight(h), href: h.href, gone: h.gone, reviewTitle: h.reviewTitle })));
  const rendered = await Promise.all(
    groups.map(async (group) => ({
      ...group,
      paper: group.paperId === null ? null : lookupPaper(group.paperId, catalog),
      html: await Promise.all(group.notes.map((n) => renderNoteMarkdown(n.body))),
      present: await present(group.highlights.filter((h) => !h.gone)),
      gone: await present(group.highlights.filter((h) => h.gone)),
    })),
  );

  return (
    <div className="mx-auto max-w-3xl pt-10">
      <h1 className="text-3xl font-bold tracking-tight">My notes and highlights</h1>
      {rendered.length === 0 && total > 0 ? (
        <p className="py-16 text-center text-slate-600 dark:text-slate-400">
          There is no page {page}.{' '}
          <Link className="underline" href="/notes">
            Back to the first page
          </Link>
        </p>
      ) : rendered.length === 0 ? (
        <div className="py-16 text-center text-slate-600 dark:text-slate-400">
          <p className="text-lg font-medium">No notes yet.</p>
          <p className="mt-2 text-sm">
            Open a{' '}
            <Link className="underline" href="/">
              review
            </Link>{' '}
            and choose “Add a note” under a paper, or select a passage to highlight it. Only you can see your notes and highlights.
          </p>
        </div>
      ) : (
        rendered.map((group) => {
          // A paper discussed in more than one review: each highlight says which review it was made in.
          const manyReviews = (group.paper?.appearances.length ?? 0) > 1;
          return (
            <section key={group.key} className="mt-8" data-notes-group={group.key}>
              <h2 className="flex flex-wrap items-baseline gap-2 text-lg font-semibold">
                {group.review ? (
                  group.review.url ? (
                    <Link href={group.review.url} className="hover:underline">
                      {group.review.title}: introduction
                    </Link>
                  ) : (
                    `${group.review.title}: introduction`
                  )
                ) : group.paper ? (
                  <Link href={group.paper.href} className="hover:underline">
                    {group.paper.name}
                  </Link>
                ) : (
                  group.paperId
                )}
                {group.paper ? <OrgBadges orgs={group.paper.orgs} /> : null}
                <span className="text-sm font-normal text-slate-500 dark:text-slate-400">
                  {[
                    group.highlightCount ? plural(group.highlightCount, 'highlight') : null,
                    group.noteCount ? plural(group.noteCount, 'note') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  {group.continued ? ' · continued' : ''}
                </span>
              </h2>
              {group.present.length ? (
                <div className="mt-2 space-y-3">
                  {group.present.map((h) => (
                    <HighlightItem
                      key={h.view.id}
                      highlight={h.view}
                      href={h.href}
                      userId={user.id}
                      context={manyReviews ? h.reviewTitle : null}
                    />
                  ))}
                </div>
              ) : null}
              {group.gone.length ? (
                <div className="mt-4" data-highlights-gone>
                  <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-300">No longer in the review</h3>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    The review was edited and these passages are not in it any more. They stay here with their notes until you delete them.
                  </p>
                  <div className="mt-2 space-y-3">
                    {group.gone.map((h) => (
                      <HighlightItem key={h.view.id} highlight={h.view} href={h.href} userId={user.id} gone context={h.reviewTitle} />
                    ))}
                  </div>
                </div>
              ) : null}
              {group.notes.length ? (
                <div className="mt-3 space-y-3">
                  {group.notes.map((note, i) => (
                    <article key={note.id} className="rounded-lg p-3 ring-1 ring-slate-200 dark:ring-slate-800">
                      <NoteBody html={group.html[i]!} />
                      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                        <time dateTime={note.updatedAt.toISOString()}>
                          {note.updatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
                        </time>
                      </p>
                    </article>
                  ))}
                </div>
              ) : null}
            </section>
          );
        })
      )}
      <Pagination page={page} pages={Math.ceil(total / NOTES_LIST_PAGE_SIZE)} href={queryPageHref('/notes')} />
    </div>
  );
}
