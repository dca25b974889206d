import { z } from 'zod';
import { after } from 'next/server';
import { clientIp } from '@/lib/http/client-ip';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { logServerError, requestIdOf } from '@/lib/http/log';
import { mailConfigured } from '@/lib/auth/mail';
import { authOrigin } from '@/lib/auth/origin';
import { sendPasswordReset } from '@/lib/auth/password-reset';
import { TooManyAttemptsError, takeResetSlot } from '@/lib/auth/rate-limit';
import { emailSchema, RESET_NOT_CONFIGURED_MESSAGE, RESET_REQUESTED_MESSAGE } from '@/lib/reader/shared';

const body = z.object({ email: emailSchema }).strict();

/**
 * Asks for a reset link. The answer is the same whether or not an account
 * has the email, and so is its timing: looking the account up, storing the
 * token and talking to the mail server all happen after the response is sent.
 */
export const POST = route(async (request) => {
  if (!mailConfigured()) throw new HttpError(503, RESET_NOT_CONFIGURED_MESSAGE);
  const { email } = await readJson(request, body);
  const gate = await takeResetSlot(email, clientIp(request.headers));
  if (!gate.allowed) throw new TooManyAttemptsError(gate.retryAfterSeconds);
  const origin = authOrigin();
  const requestId = requestIdOf(request.headers);
  after(() =>
    sendPasswordReset(email, (token) => `${origin}/reset-password/${token}`).catch((error: unknown) =>
      logServerError('password reset mail', requestId, error),
    ),
  );
  return json({ message: RESET_REQUESTED_MESSAGE }, { status: 202 });
});
