import { z } from 'zod';
import { sheetUploadSchema } from '@/lib/validations/admin';
import { passwordSchema } from '@/lib/validations/user';
import { recordAudit } from '@/server/audit';
import { importUsers } from '@/server/admin/imports';
import { readSheet } from '@/server/admin/sheets';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

const schema = sheetUploadSchema.extend({ password: passwordSchema.optional() });

/** Previews a people file row by row; with confirm: true creates every account (all or nothing). */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const admin = await requireUser(request, ['admin']);
  const input: z.infer<typeof schema> = await readJson(request, schema, 8 * 1024 * 1024);
  const rows = await readSheet(input.fileName, input.data);
  const handleDb = await ready();
  const result = await importUsers(handleDb, rows, input.confirm, input.password);
  if (result.imported > 0)
    await recordAudit(handleDb.db, {
      actorId: admin.id,
      actorRole: admin.role,
      action: 'user-import',
      subjectKind: 'users',
      subjectId: String(result.imported),
    });
  return json(result, input.confirm && result.imported === 0 ? 422 : 200);
});
