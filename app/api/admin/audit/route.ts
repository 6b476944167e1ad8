import { auditQuerySchema } from '@/lib/validations/admin';
import { searchAudit } from '@/server/admin/audit-log';
import { ready } from '@/server/db';
import { handle, json, requireUser, validated } from '@/server/http';

export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  const query = validated(auditQuerySchema, Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== '')));
  const { db } = await ready();
  return json(await searchAudit(db, query));
});
