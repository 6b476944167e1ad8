import { updateUserSchema } from '@/lib/validations/user';
import { recordAudit } from '@/server/audit';
import { ready } from '@/server/db';
import { handle, httpError, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { updateUser } from '@/server/users';

export const PATCH = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  const admin = await requireUser(request, ['admin']);
  const { id } = await context.params;
  const input = await readJson(request, updateUserSchema);
  if (id === admin.id && input.disabled) throw httpError(409, 'CANNOT_DISABLE_SELF');
  const { db } = await ready();
  const updated = await updateUser(db, id, input);
  const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
  // Permission and account changes are audited: role, village, disabling, 法律明白人, name.
  await recordAudit(db, {
    actorId: admin.id,
    actorRole: admin.role,
    action: `user-${changed.join('+') || 'edit'}`,
    subjectKind: 'user',
    subjectId: id,
  });
  return json(updated);
});
