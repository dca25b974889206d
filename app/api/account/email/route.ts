import { z } from 'zod';
import { clientIp } from '@/lib/http/client-ip';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { changeEmail } from '@/lib/auth/account';
import { expireSessionCookies, requireUser } from '@/lib/auth/session';
import { currentPasswordSchema, emailSchema } from '@/lib/reader/shared';

const body = z.object({ email: emailSchema, currentPassword: currentPasswordSchema }).strict();

/**
 * Moves the account to another email (the current password required) and
 * ends every session, each of which names the old one: the page signs back in.
 */
export const POST = route(async (request) => {
  const user = await requireUser();
  const input = await readJson(request, body);
  const changed = await changeEmail(user, input, clientIp(request.headers));
  return expireSessionCookies(json({ email: changed.email }));
});
