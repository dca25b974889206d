import { json, route } from '@/lib/http/route';
import { HttpError } from '@/lib/http/errors';
import { expireSessionCookies, requireUser } from '@/lib/auth/session';
import { endAllSessions } from '@/lib/auth/session-version';

/** "Sign out everywhere": every session of the account ends, on every device, this one included. */
export const DELETE = route(async () => {
  const user = await requireUser();
  if (!(await endAllSessions(user.id))) throw new HttpError(404, 'Account not found.');
  return expireSessionCookies(json({ signedOut: true }));
});
