import { orgActionSchema } from '@/lib/validations/admin';
import { recordAudit } from '@/server/audit';
import { applyOrgAction, listOrgTree } from '@/server/admin/villages';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  return json({ units: await listOrgTree(await ready()) });
});

/** add, rename, move, retire or restore one org unit. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const admin = await requireUser(request, ['admin']);
  const action = await readJson(request, orgActionSchema);
  const h = await ready();
  const result = await applyOrgAction(h, action);
  await recordAudit(h.db, {
    actorId: admin.id,
    actorRole: admin.role,
    action: `org-${action.action}`,
    subjectKind: 'orgUnit',
    subjectId: result.id,
  });
  return json(result, action.action === 'add' ? 201 : 200);
});
