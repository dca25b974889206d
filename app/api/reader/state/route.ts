import { readerPaperStates } from '@/lib/reader/bookmarks';
import { currentUser } from '@/lib/auth/session';
import { json, route } from '@/lib/http/route';

/**
 * Everything the static pages' islands need about the reader, in one request:
 * who is signed in, which papers they bookmarked, statuses, note counts.
 */
export const GET = route(async () => {
  const user = await currentUser();
  if (!user) return json({ user: null, bookmarks: [], statuses: {}, noteCounts: {} });
  return json({ user, ...(await readerPaperStates(user.id)) });
});
