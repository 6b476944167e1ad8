import { z } from 'zod';
import { ready } from '@/server/db';
import { handle, requireUser } from '@/server/http';
import { buildExport } from '@/server/reports/export';
import { parseQuery, periodQuerySchema, reportUnit } from '@/server/reports/query';

const schema = periodQuerySchema.and(z.object({ format: z.enum(['docx', 'xlsx'], { message: 'EXPORT_FORMAT' }) }));
const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The annual report as a Word document or an Excel workbook, for ?from=&to=&org= like the summary. */
export const GET = handle(async (request: Request) => {
  const admin = await requireUser(request, ['admin']);
  const query = parseQuery(request, schema);
  const { db } = await ready();
  const unit = await reportUnit(db, admin, query.org);
  const body = await buildExport(db, unit, query.from, query.to, query.format);
  const name = `法治建设报告-${unit.name}-${query.from}-${query.to}.${query.format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': TYPES[query.format],
      'Content-Disposition': `attachment; filename="report-${query.from}-${query.to}.${query.format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    },
  });
});
