import 'server-only';
import { sql } from 'kysely';
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
  const filed = db
    .selectFrom('consultation')
    .innerJoin('orgUnit', 'orgUnit.id', 'consultation.villageId')
    .where(inOrgSubtree(root.path))
    .where('filedAt', '>=', from)
    .where('filedAt', '<', to);
  // Answered within the deadline: the first reply's CST date is on or before the deadline day, i.e. the reply came
  // before 00:00 CST of the next day (16:00 UTC of the deadline day). Instants are stored as toISOString() text.
  const withinDeadline = sql<number>`sum(case when ${sql.ref('firstReplyAt')} < ${sql.ref('deadline')} || ${'T16:00:00.000Z'} then 1 else 0 end)`;
  const replied = sql<number>`sum(case when ${sql.ref('firstReplyAt')} is not null then 1 else 0 end)`;
  const [groups, perUnit, villages] = await Promise.all([
    filed
      .select([
        'channel',
        'category',
        'status',
        'rating',
        (eb) => eb.fn.countAll<number>().as('n'),
        replied.as('replied'),
        withinDeadline.as('within'),
      ])
      .groupBy(['channel', 'category', 'status', 'rating'])
      .execute(),
    filed
      .select(['consultation.villageId', 'orgUnit.path', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['consultation.villageId', 'orgUnit.path'])
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
  let total = 0;
  let resolved = 0;
  let resolvedWithReply = 0;
  let within = 0;
  for (const g of groups) {
    const n = Number(g.n);
    total += n;
    if (g.channel in byChannel) byChannel[g.channel as keyof typeof byChannel] += n;
    if (g.category in byCategory) byCategory[g.category as keyof typeof byCategory] += n;
    if (g.rating && g.rating in satisfaction) satisfaction[g.rating as keyof typeof satisfaction] += n;
    if (g.status === 'resolved') {
      resolved += n;
      resolvedWithReply += Number(g.replied ?? 0);
    }
    within += Number(g.within ?? 0);
  }
  // Each request counts for the administrative village on its unit's path.
  const villageIds = new Set(villages.map((v) => v.id));
  const perVillage = new Map<string, number>();
  for (const u of perUnit) {
    const village = ancestorIds(u.path).find((id) => villageIds.has(id));
    if (village !== undefined) perVillage.set(village, (perVillage.get(village) ?? 0) + Number(u.n));
  }
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
    answeredWithinDeadline: within,
    rated: RATINGS.reduce((s, k) => s + satisfaction[k], 0),
    satisfaction,
  };
}
