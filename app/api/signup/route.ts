import { z } from 'zod';
import { json, readJson, route } from '@/lib/http';
import { createUserWithPassword } from '@/lib/users';

export const dynamic = 'force-dynamic';

const body = z
  .object({
    email: z.email('Enter a valid email address.').max(320),
    password: z.string().min(8, 'Use at least 8 characters.').max(1024, 'Use at most 1024 characters.'),
    name: z.string().trim().max(100).optional(),
  })
  .strict();

/** Creates an email + password account; the client then signs in with the same credentials. */
export const POST = route(async (request) => {
  const input = await readJson(request, body);
  const user = await createUserWithPassword(input);
  return json({ user: { id: user.id, email: user.email } }, { status: 201 });
});
