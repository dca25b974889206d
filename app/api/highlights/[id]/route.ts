import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { requireUser } from '@/lib/auth/session';
import { HIGHLIGHT_NOT_FOUND_MESSAGE, highlightIdSchema, highlightPatchSchema } from '@/lib/reader/shared';
import { deleteHighlight, presentHighlight, updateHighlight } from '@/lib/reader/highlights';

type Context = { params: Promise<{ id: string }> };

/** Checked by shape before anything else: a NUL or a stray `%` in the URL never reaches a query. */
async function idOf(context: Context): Promise<string> {
  const parsed = highlightIdSchema.safeParse((await context.params).id);
  if (!parsed.success) throw new HttpError(400, 'Invalid highlight id.');
  return parsed.data;
}

/** PATCH { note?, color? } → { highlight }; another reader's highlight is 404, as if it did not exist. */
export const PATCH = route(async (request, context: Context) => {
  const user = await requireUser();
  const id = await idOf(context);
  const patch = await readJson(request, highlightPatchSchema());
  const highlight = await updateHighlight(user.id, id, patch);
  if (!highlight) throw new HttpError(404, HIGHLIGHT_NOT_FOUND_MESSAGE);
  return json({ highlight: await presentHighlight(highlight) });
});

/** DELETE → 204. */
export const DELETE = route(async (_request, context: Context) => {
  const user = await requireUser();
  if (!(await deleteHighlight(user.id, await idOf(context)))) throw new HttpError(404, HIGHLIGHT_NOT_FOUND_MESSAGE);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
