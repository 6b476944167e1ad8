import 'server-only';
import { chinaDate } from '@/lib/consult/deadline';
import { CONSULT_CATEGORIES, CONSULT_CHANNELS, RATINGS, type ConsultReportFigures } from '@/lib/consult/types';
import type { Db } from './db/client';
import { ancestorIds, getOrgUnit, inOrgSubtree } from './org';

/**
 * The consultation figures of the annual report for an org unit and its subtree, over requests filed in [from, to):
 * by channel, category and administrative village, resolved, answered within the deadline, 办结回复率 and
 * satisfaction. Counted from fields anonymisation keeps, so retention never changes a figure.
 */
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function consultReport(db: Db, orgUnitId: string, from: string, to: string): Promise<ConsultReportFigures | undefined> {
  const root = await getOrgUnit(db, orgUnitId);
  if (!root) return undefined;
  const [rows, villages] = await Promise.all([
    db
      .selectFrom('consultation')
      .innerJoin('orgUnit', 'orgUnit.id', 'consultation.villageId')
      .select(['channel', 'category', 'status', 'deadline', 'firstReplyAt', 'rating', 'consultation.villageId', 'orgUnit.path'])
      .where(inOrgSubtree(root.path))
      .where('filedAt', '>=', from)
      .where('filedAt', '<', to)
      .execute(),
    db
      .selectFrom('orgUnit')
      .select(['id', 'name'])
      .where(inOrgSubtree(root.path, 'path'))
      .where('level', '=', 'village')
      .orderBy('sortOrder')
      .execute(),
  ]);
  const byChannel = zeros(CONSULT_CHANNELS);
  const byCategory = zeros(CONSULT_CATEGORIES);
  const satisfaction = zeros(RATINGS);
  let resolved = 0;
  let resolvedWithReply = 0;
  let withinDeadline = 0;
  // Each request counts for the administrative village on its unit's path, looked up once per unit.
  const villageIds = new Set(villages.map((v) => v.id));
  const villageOf = new Map<string, string | undefined>();
  const perVillage = new Map<string, number>();
  for (const r of rows) {
    if (!villageOf.has(r.villageId))
      villageOf.set(
        r.villageId,
        ancestorIds(r.path).find((id) => villageIds.has(id)),
      );
    const village = villageOf.get(r.villageId);
    if (village !== undefined) perVillage.set(village, (perVillage.get(village) ?? 0) + 1);
    if (r.channel in byChannel) byChannel[r.channel as keyof typeof byChannel]++;
    if (r.category in byCategory) byCategory[r.category as keyof typeof byCategory]++;
    if (r.rating && r.rating in satisfaction) satisfaction[r.rating as keyof typeof satisfaction]++;
    if (r.status === 'resolved') {
      resolved++;
      if (r.firstReplyAt) resolvedWithReply++;
    }
    if (r.firstReplyAt && chinaDate(r.firstReplyAt) <= r.deadline) withinDeadline++;
  }
  const total = rows.length;
  return {
    orgUnitId,
    from,
    to,
    total,
    byChannel,
    byCategory,
    byVillage: villages.map((v) => ({ id: v.id, name: v.name, count: perVillage.get(v.id) ?? 0 })),
    resolved,
    resolvedWithReply,
    replyRate: total ? Math.round((resolvedWithReply / total) * 1000) / 10 : null,
    answeredWithinDeadline: withinDeadline,
    rated: RATINGS.reduce((s, k) => s + satisfaction[k], 0),
    satisfaction,
  };
}
