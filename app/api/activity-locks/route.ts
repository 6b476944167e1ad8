import { setPeriodLock } from '@/server/activity/themes';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { periodLockSchema } from '@/lib/validations/activity';

/** POST (admin): lock or unlock a month's activities; answers the months now locked. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const admin = await requireUser(request, ['admin']);
  const { period, locked } = await readJson(request, periodLockSchema);
  return json({ lockedPeriods: await setPeriodLock(await ready(), period, locked, admin.id) });
});
