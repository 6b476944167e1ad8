import 'server-only';
import type { Trx } from '../db/client';
import { OpRejected } from '../sync/registry';

/**
 * Walk-in advice belongs to a 法律咨询服务 event. Until the activities capability is merged there is no activity
 * table to check against, so only the presence of the id is required here.
 */
export async function checkWalkInActivity(_trx: Trx, activityId: string | null): Promise<void> {
  if (!activityId) throw new OpRejected('现场咨询须属于一场法律咨询服务活动 / walk-in advice belongs to a legal-advice event');
}
