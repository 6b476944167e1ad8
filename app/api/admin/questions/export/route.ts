import { z } from 'zod';
import { recordAudit } from '@/server/audit';
import { exportQuestions } from '@/server/admin/imports';
import { writeSheet } from '@/server/admin/sheets';
import { ready } from '@/server/db';
import { handle, httpError, requireUser } from '@/server/http';

const query = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

/** The whole published bank in the import template, so a file exported here imports elsewhere unchanged. */
export const GET = handle(async (request: Request) => {
  const admin = await requireUser(request, ['admin']);
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw httpError(422, 'EXPORT_FORMAT', undefined, { format: 'EXPORT_FORMAT' });
  const { db } = await ready();
  const bytes = await writeSheet(parsed.data.format, await exportQuestions(db), '题库');
  await recordAudit(db, {
    actorId: admin.id,
    actorRole: admin.role,
    action: 'export',
    subjectKind: 'question-bank',
    subjectId: parsed.data.format,
  });
  const type =
    parsed.data.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new Response(bytes as BodyInit, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="question-bank.${parsed.data.format}"`,
      'Cache-Control': 'no-store',
    },
  });
});
