/**
 * A note's sanitized HTML (lib/reader/note-markdown.ts, rendered on the
 * server: KaTeX and Shiki output included) with the article typography at a
 * smaller size. The one place notes get their look, so the review page and
 * /notes show a note alike. It must not sit inside a `not-prose` element:
 * Tailwind Typography skips everything under one (lists would lose bullets).
 */
export function NoteBody({ html }: { html: string }) {
  return <div className="note-body prose prose-sm prose-slate max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: html }} />;
}
