import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { NoteBody } from '@/components/reader/note-body';
import { OrgBadges } from '@/components/paper/org-badges';
import { Pagination, queryPageHref } from '@/components/layout/pagination';
import { requireReader } from '@/lib/auth/session';
import { paperCatalog } from '@/lib/content/index/catalog';
import { lookupPaper } from '@/lib/content/index/paper-lookup';
import { renderNoteMarkdown } from '@/lib/reader/note-markdown';
import { listNotesPage } from '@/lib/reader/notes';
import { NOTES_LIST_PAGE_SIZE } from '@/lib/reader/shared';

export const metadata: Metadata = { title: 'My notes', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotesPage({ searchParams }: Props) {
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .parse((await searchParams).page);
  const user = await requireReader('/notes');
  // Paged by note, not by paper: a page is bounded even when one paper holds thousands of notes.
  const { groups, total } = await listNotesPage(user.id, { page, pageSize: NOTES_LIST_PAGE_SIZE });
  const catalog = paperCatalog();
  const rendered = await Promise.all(
    groups.map(async (group) => ({
      ...group,
      paper: lookupPaper(group.paperId, catalog),
      html: await Promise.all(group.notes.map((n) => renderNoteMarkdown(n.body))),
    })),
  );

  return (
    <div className="mx-auto max-w-3xl pt-10">
      <h1 className="text-3xl font-bold tracking-tight">My notes</h1>
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
            and choose “Add a note” under a paper. Only you can see your notes.
          </p>
        </div>
      ) : (
        rendered.map((group) => (
          <section key={group.paperId} className="mt-8" data-notes-group={group.paperId}>
            <h2 className="flex flex-wrap items-baseline gap-2 text-lg font-semibold">
              {group.paper ? (
                <Link href={group.paper.href} className="hover:underline">
                  {group.paper.name}
                </Link>
              ) : (
                group.paperId
              )}
              {group.paper ? <OrgBadges orgs={group.paper.orgs} /> : null}
              <span className="text-sm font-normal text-slate-500 dark:text-slate-400">
                {group.count === 1 ? '1 note' : `${group.count.toLocaleString('en')} notes`}
                {group.continued ? ' · continued' : ''}
              </span>
            </h2>
            <div className="mt-2 space-y-3">
              {group.notes.map((note, i) => (
                <article key={note.id} className="rounded-lg p-3 ring-1 ring-slate-200 dark:ring-slate-800">
                  <NoteBody html={group.html[i]!} />
                  <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                    <time dateTime={note.updatedAt.toISOString()}>{note.updatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>
                  </p>
                </article>
              ))}
            </div>
          </section>
        ))
      )}
      <Pagination page={page} pages={Math.ceil(total / NOTES_LIST_PAGE_SIZE)} href={queryPageHref('/notes')} />
    </div>
  );
}
