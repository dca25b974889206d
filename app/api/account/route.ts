import { z } from 'zod';
import { HttpError, json, readJson, requireUser, route } from '@/lib/http/route';
import { deleteUser } from '@/lib/auth/users';

export const dynamic = 'force-dynamic';

/** Deletes the reader and everything they own; the client then signs out. */
export const DELETE = route(async (request) => {
  const user = await requireUser();
  await readJson(request, z.object({ confirm: z.literal('DELETE', 'Type DELETE to confirm.') }).strict());
  if (!(await deleteUser(user.id))) throw new HttpError(404, 'Account not found.');
  const response = json({ deleted: true });
  // Sessions are JWT cookies: expire them here so a deleted account is signed out at once.
  for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token']) {
    response.headers.append('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith('__Secure') ? '; Secure' : ''}`);
  }
  return response;
});
