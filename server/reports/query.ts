import 'server-only';
import { z } from 'zod';
import type { Db } from '../db/client';
import { HttpError } from '../http';
import { getOrgUnit, isUnder, type OrgUnit } from '../org';
import type { SessionUser } from '../session';

/** ?from=&to=&org= of every report route: inclusive CST dates, at most 366 days... or any span, from ≤ to. */
export const periodQuerySchema = z
  .object({
    from: z.iso.date({ message: '请用 YYYY-MM-DD 填写开始日期 / give from as YYYY-MM-DD' }),
    to: z.iso.date({ message: '请用 YYYY-MM-DD 填写结束日期 / give to as YYYY-MM-DD' }),
    org: z.string().min(1).max(100).optional(),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期 / from must not be after to', path: ['to'] });

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    throw new HttpError(
      422,
      Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; '),
      fields,
    );
  }
  return parsed.data;
}

/** The org unit asked for (default: the admin's own), which must lie within the admin's own unit. */
export async function reportUnit(db: Db, admin: SessionUser, org: string | undefined): Promise<OrgUnit> {
  const id = org ?? admin.orgUnitId;
  if (!id) throw new HttpError(422, 'org: 请选择单位 / choose an org unit', { org: 'required' });
  const unit = await getOrgUnit(db, id);
  if (!unit) throw new HttpError(422, `org: 单位不存在 / org unit not found: ${id}`, { org: 'not found' });
  const own = admin.orgUnitId ? await getOrgUnit(db, admin.orgUnitId) : undefined;
  if (own && !isUnder(unit.path, own.path))
    throw new HttpError(403, '只能查看本单位及下级单位的报告 / you may only report on your own unit and the units under it');
  return unit;
}
