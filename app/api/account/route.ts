import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { expireSessionCookies, requireUser } from '@/lib/auth/session';
import { deleteUser } from '@/lib/auth/users';

/** Deletes the reader and everything they own; the client then signs out. */
export const DELETE = route(async (request) => {
  const user = await requireUser();
  await readJson(request, z.object({ confirm: z.literal('DELETE', 'Type DELETE to confirm.') }).strict());
  if (!(await deleteUser(user.id))) throw new HttpError(404, 'Account not found.');
  // Every other device's cookie names an account that no longer exists and is
  // refused from its next request; this browser's is expired right here.
  return expireSessionCookies(json({ deleted: true }));
});
