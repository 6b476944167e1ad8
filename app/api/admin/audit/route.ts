import { auditQuerySchema } from '@/lib/validations/admin';
import { searchAudit } from '@/server/admin/audit-log';
import { ready } from '@/server/db';
import { HttpError, handle, json, requireUser } from '@/server/http';

export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  const parsed = auditQuerySchema.safeParse(Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== '')));
  if (!parsed.success) throw new HttpError(422, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { db } = await ready();
  return json(await searchAudit(db, parsed.data));
});
