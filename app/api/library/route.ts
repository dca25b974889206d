import { requireSessionClaim, signInRequired } from '@/lib/auth/session';
import { json, route } from '@/lib/http/route';
import { loadLibraryPage } from '@/lib/reader/library';
import { libraryQuerySchema, type LibraryErrorResponse } from '@/lib/reader/shared';

const libraryQuery = libraryQuerySchema();

/**
 * What /library and /bookmarks show (their list is an island that asks this):
 * one page of the reader's library with the page's own query parameters. A
 * parameter the library does not understand is a 400 that names it, not
 * ignored; `view=bookmarks` fixes `bookmarked`. One database statement.
 */
export const GET = route(async (request) => {
  // The cookie decrypted here; whether its session is still current is checked by the read itself (one statement).
  const { user, sessionVersion } = await requireSessionClaim();
  const parsed = libraryQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ parameter: issue.path.join('.'), message: issue.message }));
    const body: LibraryErrorResponse = {
      error: `Invalid query: ${issues.map((i) => `${i.parameter}: ${i.message}`).join('; ')}`,
      issues,
    };
    return json(body, { status: 400 });
  }
  const { page = 1, view, ...filters } = parsed.data;
  const library = await loadLibraryPage(
    { userId: user.id, sessionVersion },
    view === 'bookmarks' ? { ...filters, bookmarked: true } : filters,
    page,
  );
  if (library === 'session-ended') throw signInRequired();
  return json(library);
});
