import { z } from 'zod';
import { clientIp } from '@/lib/http/client-ip';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { changePassword } from '@/lib/auth/account';
import { expireSessionCookies, requireUser } from '@/lib/auth/session';
import { currentPasswordSchema, newPasswordSchema } from '@/lib/reader/shared';

const body = z.object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema }).strict();

/**
 * Changes the password (the current one required) and ends every session of
 * the account, this one too: the page signs back in with the new password.
 */
export const POST = route(async (request) => {
  const user = await requireUser();
  const input = await readJson(request, body);
  const changed = await changePassword(user, input, clientIp(request.headers));
  return expireSessionCookies(json({ email: changed.email }));
});
