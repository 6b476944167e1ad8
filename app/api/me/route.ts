import { profileSchema } from '@/lib/validations/user';
import { updateProfile } from '@/server/account';
import { ready } from '@/server/db';
import { handle, httpError, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { ancestorIds, getOrgUnit } from '@/server/org';
import { currentUser, type SessionUser } from '@/server/session';

async function profile(user: SessionUser) {
  const { db } = await ready();
  const org = user.orgUnitId ? await getOrgUnit(db, user.orgUnitId) : undefined;
  return { ...user, orgUnitName: org?.name ?? null, orgPath: org ? ancestorIds(org.path) : [] };
}

/**
 * The signed-in user's profile, with the path of their org unit (for matching tasks on the phone). It answers even
 * while a password reset waits to be replaced (`mustChangePassword`), so the phone knows to show that screen.
 */
export const GET = handle(async (request: Request) => {
  const user = await currentUser(request.headers);
  if (!user) throw httpError(401, 'NOT_SIGNED_IN');
  return json(await profile(user));
});

/** Changes what a person may change about themselves: their display name (phone, role and unit are the admin's). */
export const PATCH = handle(async (request: Request) => {
  requireSameOrigin(request);
  const user = await requireUser(request);
  const input = await readJson(request, profileSchema, 4 * 1024);
  const { db } = await ready();
  await updateProfile(db, user.id, input);
  return json(await profile({ ...user, name: input.name }));
});
