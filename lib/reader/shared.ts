import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '@/lib/reader/notes';

/** Characters as a reader counts them (an emoji is one), the same rule the data layer applies. */
export const noteLength = (body: string) => [...body].length;

/** A note body as the API accepts it: refused by name when empty, too long or unstorable, never truncated. */
export const noteBody = z.string().superRefine((body, ctx) => {
  if (!body.trim()) ctx.addIssue({ code: 'custom', message: 'A note cannot be empty.' });
  const length = noteLength(body);
  if (length > NOTE_MAX_LENGTH) ctx.addIssue({ code: 'custom', message: `Note is ${length} characters; the limit is ${NOTE_MAX_LENGTH}.` });
  // PostgreSQL text cannot hold NUL; say so instead of failing in the database.
  if (body.includes('\u0000')) ctx.addIssue({ code: 'custom', message: 'A note cannot contain NUL (\\u0000) characters.' });
});
