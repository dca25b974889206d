import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { resetPassword } from '@/lib/auth/password-reset';
import { expireSessionCookies } from '@/lib/auth/session';
import { newPasswordSchema } from '@/lib/reader/shared';

const body = z.object({ token: z.string().min(1).max(100), password: newPasswordSchema }).strict();

/** Sets the new password from a reset link; every session of the account ends, this browser's too. */
export const POST = route(async (request) => {
  const { token, password } = await readJson(request, body);
  const reset = await resetPassword(token, password);
  if (!reset) throw new HttpError(410, 'This link has expired or was already used. Ask for a new one.');
  return expireSessionCookies(json({ email: reset.email }));
});
