import { updateUserSchema } from '@/lib/validations/user';
import { ready } from '@/server/db';
import { HttpError, handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { updateUser } from '@/server/users';

export const PATCH = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  const admin = await requireUser(request, ['admin']);
  const { id } = await context.params;
  const input = await readJson(request, updateUserSchema);
  if (id === admin.id && input.disabled)
    throw new HttpError(409, '不能停用自己的账号 / you cannot disable your own account', undefined, 'CANNOT_DISABLE_SELF');
  const { db } = await ready();
  return json(await updateUser(db, id, input));
});
