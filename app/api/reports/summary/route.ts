import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';
import { parseQuery, periodQuerySchema, reportUnit } from '@/server/reports/query';
import { reportSummary } from '@/server/reports/summary';

/** Every figure of the annual report for ?from=&to= (inclusive CST dates) and ?org= (default: the admin's unit). */
export const GET = handle(async (request: Request) => {
  const admin = await requireUser(request, ['admin']);
  const query = parseQuery(request, periodQuerySchema);
  const { db } = await ready();
  const unit = await reportUnit(db, admin, query.org);
  const summary = await reportSummary(db, unit.id, query.from, query.to);
  return json(summary);
});
