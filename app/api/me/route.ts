import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';
import { ancestorIds, getOrgUnit } from '@/server/org';

/** The signed-in user's profile, with the path of their org unit (for matching tasks on the phone). */
export const GET = handle(async (request: Request) => {
  const user = await requireUser(request);
  const { db } = await ready();
  const org = user.orgUnitId ? await getOrgUnit(db, user.orgUnitId) : undefined;
  return json({ ...user, orgUnitName: org?.name ?? null, orgPath: org ? ancestorIds(org.path) : [] });
});
