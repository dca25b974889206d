import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { requireUser } from '@/lib/auth/session';
import { deleteUser } from '@/lib/auth/users';

/** Deletes the reader and everything they own; the client then signs out. */
export const DELETE = route(async (request) => {
  const user = await requireUser();
  await readJson(request, z.object({ confirm: z.literal('DELETE', 'Type DELETE to confirm.') }).strict());
  if (!(await deleteUser(user.id))) throw new HttpError(404, 'Account not found.');
  const response = json({ deleted: true });
  // Sessions are JWT cookies: expire them here so a deleted account is signed out at once.
  for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token']) {
    response.headers.append(
      'Set-Cookie',
      `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith('__Secure') ? '; Secure' : ''}`,
    );
  }
  return response;
});
