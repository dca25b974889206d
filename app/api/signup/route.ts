import { z } from 'zod';
import { clientIp } from '@/lib/http/client-ip';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { takeSignupSlot } from '@/lib/auth/rate-limit';
import { createUserWithPassword } from '@/lib/auth/users';
import { emailSchema, newPasswordSchema } from '@/lib/reader/shared';

const body = z.object({ email: emailSchema, password: newPasswordSchema, name: z.string().trim().max(100).optional() }).strict();

/**
 * Creates an email + password account; the client then signs in with the same
 * credentials. A taken email answers 409 (the reader must know to sign in
 * instead); the per-address limit keeps that from becoming a fast lookup.
 */
export const POST = route(async (request) => {
  const input = await readJson(request, body);
  const gate = await takeSignupSlot(clientIp(request.headers));
  if (!gate.allowed) {
    const minutes = Math.ceil(gate.retryAfterSeconds / 60);
    return json(
      { error: `Too many accounts were created from this network. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` },
      { status: 429, headers: { 'Retry-After': String(gate.retryAfterSeconds) } },
    );
  }
  const user = await createUserWithPassword(input);
  return json({ user: { id: user.id, email: user.email } }, { status: 201 });
});
