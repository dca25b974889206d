import 'server-only';
import { HttpError } from '@/lib/http/errors';
import { underLoginLimits } from '@/lib/auth/rate-limit';
import * as users from '@/lib/auth/users';
import type { ReaderUser } from '@/lib/reader/shared';

/*
 * What the signed-in reader can change about their account. Each change that
 * asks for the current password counts that guess like a sign-in attempt (a
 * stolen session cookie must not become an unlimited password oracle), and
 * each ends every session of the account: the route then signs the browser
 * that asked back in.
 */

export class WrongPasswordError extends HttpError {
  constructor() {
    super(403, 'The current password is not correct.');
  }
}

const limitKey = (user: ReaderUser) => user.email ?? `user:${user.id}`;

export async function changePassword(
  user: ReaderUser,
  input: { currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<users.PublicUser> {
  const changed = await underLoginLimits(limitKey(user), ip, () => users.changePassword(user.id, input.currentPassword, input.newPassword));
  if (!changed) throw new WrongPasswordError();
  return changed;
}

export async function changeEmail(
  user: ReaderUser,
  input: { email: string; currentPassword: string },
  ip: string | null,
): Promise<users.PublicUser> {
  const changed = await underLoginLimits(limitKey(user), ip, () => users.changeEmail(user.id, input.currentPassword, input.email));
  if (!changed) throw new WrongPasswordError();
  return changed;
}
