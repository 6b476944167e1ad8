import 'server-only';
import type { Trx } from '../db/client';
import { OpRejected } from '../sync/registry';

/** Walk-in advice belongs to a 法律咨询服务 event: an activity of kind 'consultation'. */
export async function checkWalkInActivity(trx: Trx, activityId: string | null): Promise<void> {
  if (!activityId) throw new OpRejected('WALK_IN_NEEDS_EVENT');
  const activity = await trx.selectFrom('activity').select(['kind']).where('id', '=', activityId).executeTakeFirst();
  if (!activity) throw new OpRejected('ACTIVITY_NOT_FOUND');
  if (activity.kind !== 'consultation') throw new OpRejected('WALK_IN_WRONG_EVENT');
}
