import { z } from 'zod';
import { ready } from '@/server/db';
import { handle, httpError, json, readQuery, requireUser } from '@/server/http';
import { consultReport } from '@/server/consult-report';

const year = new Date().getFullYear();
const querySchema = z.object({
  orgUnitId: z.string().min(1).optional(),
  from: z.iso.date().default(`${year}-01-01`),
  to: z.iso.date().default(`${year + 1}-01-01`),
});

/** Consultation figures for the report: administrators, for their unit or one they name. */
export const GET = handle(async (request: Request) => {
  const admin = await requireUser(request, ['admin']);
  const query = { data: readQuery(request, querySchema) };
  const orgUnitId = query.data.orgUnitId ?? admin.orgUnitId;
  if (!orgUnitId) throw httpError(422, 'CHOOSE_ORG_UNIT', undefined, { orgUnitId: 'CHOOSE_ORG_UNIT' });
  const figures = await consultReport((await ready()).db, orgUnitId, query.data.from, query.data.to);
  if (!figures) throw httpError(404, 'ORG_UNIT_NOT_FOUND');
  return json(figures);
});
