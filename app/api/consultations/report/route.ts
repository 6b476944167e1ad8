import { z } from 'zod';
import { ready } from '@/server/db';
import { HttpError, handle, json, requireUser } from '@/server/http';
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
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new HttpError(422, query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const orgUnitId = query.data.orgUnitId ?? admin.orgUnitId;
  if (!orgUnitId) throw new HttpError(422, 'orgUnitId: 请选择单位 / choose an org unit');
  const figures = await consultReport((await ready()).db, orgUnitId, query.data.from, query.data.to);
  if (!figures) throw new HttpError(404, '单位不存在 / org unit not found');
  return json(figures);
});
