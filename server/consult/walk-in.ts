import 'server-only';
import type { Trx } from '../db/client';
import { OpRejected } from '../sync/registry';

/** Walk-in advice belongs to a 法律咨询服务 event: an activity of kind 'consultation'. */
export async function checkWalkInActivity(trx: Trx, activityId: string | null): Promise<void> {
  if (!activityId) throw new OpRejected('现场咨询须属于一场法律咨询服务活动 / walk-in advice belongs to a legal-advice event');
  const activity = await trx.selectFrom('activity').select(['kind']).where('id', '=', activityId).executeTakeFirst();
  if (!activity) throw new OpRejected('活动不存在 / activity not found');
  if (activity.kind !== 'consultation')
    throw new OpRejected('只有法律咨询服务活动可以登记现场咨询 / walk-in advice is recorded only at a legal-advice event');
}
