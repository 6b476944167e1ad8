import { z } from 'zod';
import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';
import { parseQuery, periodQuerySchema, reportUnit } from '@/server/reports/query';
import { RECORDS_PAGE_SIZE, recordsFilterSchema, reportRecords, toCsv } from '@/server/reports/records';

const schema = periodQuerySchema.and(recordsFilterSchema.extend({ format: z.enum(['json', 'csv']).default('json') }));

/** The records behind one figure of the report, 50 a page; ?format=csv gives every row as a CSV download. */
export const GET = handle(async (request: Request) => {
  const admin = await requireUser(request, ['admin']);
  const query = parseQuery(request, schema);
  const { db } = await ready();
  const unit = await reportUnit(db, admin, query.org);
  if (query.format === 'csv') {
    const all = await reportRecords(db, unit, query.from, query.to, query);
    return new Response(toCsv(all), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="report-${query.figure}-${query.from}-${query.to}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  }
  return json(await reportRecords(db, unit, query.from, query.to, query, RECORDS_PAGE_SIZE));
});
