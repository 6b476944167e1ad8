import 'server-only';
import { z } from 'zod';
import type { Db } from '../db/client';
import { httpError, readQuery } from '../http';
import { getOrgUnit, isUnder, type OrgUnit } from '../org';
import type { SessionUser } from '../session';

/** ?from=&to=&org= of every report route: inclusive CST dates, at most 366 days... or any span, from ≤ to. */
export const periodQuerySchema = z
  .object({
    from: z.iso.date({ message: 'DATE_FORMAT' }),
    to: z.iso.date({ message: 'DATE_FORMAT' }),
    org: z.string().min(1).max(100).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'FROM_AFTER_TO', path: ['to'] });

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return readQuery(request, schema);
}

/** The org unit asked for (default: the admin's own), which must lie within the admin's own unit. */
export async function reportUnit(db: Db, admin: SessionUser, org: string | undefined): Promise<OrgUnit> {
  const id = org ?? admin.orgUnitId;
  if (!id) throw httpError(422, 'CHOOSE_ORG_UNIT', undefined, { org: 'CHOOSE_ORG_UNIT' });
  const unit = await getOrgUnit(db, id);
  if (!unit) throw httpError(422, 'ORG_UNIT_NOT_FOUND', { id }, { org: 'validation.orgUnitNotFound' });
  const own = admin.orgUnitId ? await getOrgUnit(db, admin.orgUnitId) : undefined;
  if (own && !isUnder(unit.path, own.path)) throw httpError(403, 'REPORT_OWN_UNITS');
  return unit;
}
