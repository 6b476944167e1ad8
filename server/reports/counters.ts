import 'server-only';
import { sql, type Kysely } from 'kysely';
import {
  ACTIVITY_KINDS,
  DUTY_OUTCOMES,
  MATERIALS,
  STUDY_KINDS,
  type ActivityKind,
  type DutyOutcome,
  type StudyKind,
} from '@/lib/activity/types';
import type { Db, Trx } from '../db/client';
import type { Database } from '../db/schema';
import { ancestorIds, inOrgSubtree } from '../org';

/**
 * Report counters (table reportCounter, migration 0014): the activity figures of the annual report, kept per org unit,
 * CST period bucket and metric, so a county's year reads a few hundred rows rather than every activity and check-in.
 *
 * - An activity counts under every unit on its unit's path (the unit, its village, township, county), so a subtree is
 *   one unit id, and in the CST day, month ('YYYY-MM') and year ('YYYY') of its start: a period reads whole years,
 *   whole months, and single days only at its ragged ends. Its check-ins count where and when the activity started,
 *   as the figures from records do.
 * - Metrics: `activities`, `kind:<kind>`, `session:<study kind or other>` and `attendance:<study kind or other>`
 *   (study sessions and their check-ins), `duty:<outcome>`, `theme:<theme id>`, `material:<banners…>`, `audience`,
 *   `checkIns`.
 * - Written in the same transaction as the op that changes them: activity.save (a new activity adds its
 *   contribution; an edit adds new minus old, so moving an activity to another village or month moves its figures and
 *   its check-ins), activity.check-in (only when the row was really inserted: the second phone's push of the same
 *   person counts nothing), and moving an org unit (its counters leave its old ancestors and join its new ones).
 *   Receipts make each op apply once, so a duplicated push adds nothing.
 * - rebuildReportCounters recomputes them from the records (migration backfill, and any code that writes records
 *   without ops, such as bench:report's seed). The other figures of the report (lesson completions, exams,
 *   consultations, 法律明白人) are counted from their records each time.
 */
type Conn = Kysely<Database>;
type Writer = Db | Trx | Conn;

/** The columns of an activity its figures are made of: the counters and the report's record reads take the same. */
export const COUNTED_ACTIVITY_COLUMNS = [
  'activity.kind',
  'activity.studyKind',
  'activity.dutyOutcome',
  'activity.themeId',
  'activity.audience',
  'activity.banners',
  'activity.posters',
  'activity.leaflets',
  'activity.brochures',
  'activity.gifts',
  'activity.startsAt',
] as const;

export interface CountedActivity {
  kind: string;
  studyKind: string | null;
  dutyOutcome: string | null;
  themeId: string | null;
  audience: number;
  banners: number;
  posters: number;
  leaflets: number;
  brochures: number;
  gifts: number;
  startsAt: string;
}

/** The CST calendar date of an ISO instant. */
function chinaDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The buckets an instant counts in: its CST day, month and year. */
export function bucketsOf(iso: string): string[] {
  const day = chinaDay(iso);
  return [day, day.slice(0, 7), day.slice(0, 4)];
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function nextMonth(date: string): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The fewest buckets that cover the inclusive CST dates [from, to] exactly: whole years (unless `years` is false),
 * whole months, then single days at the ends.
 */
export function periodBuckets(from: string, to: string, years = true): string[] {
  const out: string[] = [];
  let d = from;
  while (d <= to) {
    const yearEnd = `${d.slice(0, 4)}-12-31`;
    const monthEnd = addDays(nextMonth(d), -1);
    if (years && d.endsWith('-01-01') && yearEnd <= to) {
      out.push(d.slice(0, 4));
      d = addDays(yearEnd, 1);
    } else if (d.endsWith('-01') && monthEnd <= to) {
      out.push(d.slice(0, 7));
      d = addDays(monthEnd, 1);
    } else {
      out.push(d);
      d = addDays(d, 1);
    }
  }
  return out;
}

/** What one activity with `checkIns` check-ins adds to each metric (zero metrics left out). */
export function activityMetrics(a: CountedActivity, checkIns: number): Map<string, number> {
  const m = new Map<string, number>();
  const add = (k: string, v: number) => {
    if (v) m.set(k, (m.get(k) ?? 0) + v);
  };
  add('activities', 1);
  add(`kind:${a.kind}`, 1);
  if (a.kind === 'study') {
    add(`session:${a.studyKind ?? 'other'}`, 1);
    add(`attendance:${a.studyKind ?? 'other'}`, checkIns);
  }
  if (a.dutyOutcome) add(`duty:${a.dutyOutcome}`, 1);
  if (a.themeId) add(`theme:${a.themeId}`, 1);
  for (const k of MATERIALS) add(`material:${k}`, Number(a[k]));
  add('audience', Number(a.audience));
  add('checkIns', checkIns);
  return m;
}

/** Adds `sign` × metrics at every unit on `unitPath` in every bucket of `startsAt` into `into`. */
function spread(into: Map<string, number>, unitPath: string, startsAt: string, metrics: Map<string, number>, sign: 1 | -1): void {
  const buckets = bucketsOf(startsAt);
  for (const unit of ancestorIds(unitPath))
    for (const bucket of buckets)
      for (const [metric, v] of metrics) {
        const key = `${unit}\t${bucket}\t${metric}`;
        into.set(key, (into.get(key) ?? 0) + sign * v);
      }
}

/** One set-based upsert per few hundred rows: value = value + delta; deltas of 0 are not written. */
async function addCounters(db: Writer, deltas: Map<string, number>, empty = false): Promise<void> {
  const rows = [...deltas]
    .filter(([, v]) => v !== 0)
    .map(([key, value]) => {
      const [unitId, bucket, metric] = key.split('\t') as [string, string, string];
      return { unitId, bucket, metric, value };
    });
  for (let i = 0; i < rows.length; i += 2000) {
    // Into an empty table (a rebuild) every key is new: a plain insert.
    if (empty) {
      await db
        .insertInto('reportCounter')
        .values(rows.slice(i, i + 2000))
        .execute();
      continue;
    }
    await db
      .insertInto('reportCounter')
      .values(rows.slice(i, i + 2000))
      .onConflict((oc) =>
        oc
          .columns(['unitId', 'bucket', 'metric'])
          .doUpdateSet({ value: sql`${sql.ref('reportCounter.value')} + excluded.${sql.ref('value')}` }),
      )
      .execute();
  }
}

async function unitPath(trx: Writer, orgUnitId: string): Promise<string | undefined> {
  return (await trx.selectFrom('orgUnit').select('path').where('id', '=', orgUnitId).executeTakeFirst())?.path;
}

async function checkInCount(trx: Writer, activityId: string): Promise<number> {
  const row = await trx
    .selectFrom('checkIn')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activityId', '=', activityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type StoredActivity = CountedActivity & { id: string; orgUnitId: string };

/** activity.save: the activity as stored before (undefined when new) and after, in the op's transaction. */
export async function countActivitySave(trx: Trx, before: StoredActivity | undefined, after: StoredActivity): Promise<void> {
  const checkIns = before ? await checkInCount(trx, after.id) : 0;
  const deltas = new Map<string, number>();
  if (before) {
    const path = await unitPath(trx, before.orgUnitId);
    if (path) spread(deltas, path, before.startsAt, activityMetrics(before, checkIns), -1);
  }
  const path = await unitPath(trx, after.orgUnitId);
  if (path) spread(deltas, path, after.startsAt, activityMetrics(after, checkIns), 1);
  await addCounters(trx, deltas);
}

/** activity.checkIn: one new check-in (call only when its row was inserted) at its activity. */
export async function countCheckIn(trx: Trx, activity: StoredActivity): Promise<void> {
  const path = await unitPath(trx, activity.orgUnitId);
  if (!path) return;
  const metrics = new Map([['checkIns', 1]]);
  if (activity.kind === 'study') metrics.set(`attendance:${activity.studyKind ?? 'other'}`, 1);
  const deltas = new Map<string, number>();
  spread(deltas, path, activity.startsAt, metrics, 1);
  await addCounters(trx, deltas);
}

/**
 * An org unit moved from `oldPath` to `newPath`: its own counters (its whole subtree's) are taken from the ancestors
 * it left and added to those it joined, in SQL, one statement per ancestor. Units inside it keep theirs.
 */
export async function moveUnitCounters(trx: Trx, unitId: string, oldPath: string, newPath: string): Promise<void> {
  const before = ancestorIds(oldPath).filter((id) => id !== unitId);
  const after = ancestorIds(newPath).filter((id) => id !== unitId);
  const changes = [
    ...before.filter((id) => !after.includes(id)).map((id) => [id, -1] as const),
    ...after.filter((id) => !before.includes(id)).map((id) => [id, 1] as const),
  ];
  for (const [ancestor, sign] of changes) {
    await trx
      .insertInto('reportCounter')
      .columns(['unitId', 'bucket', 'metric', 'value'])
      .expression((eb) =>
        eb
          .selectFrom('reportCounter')
          .select([sql.val(ancestor).as('unitId'), 'bucket', 'metric', sql<number>`${sql.ref('value')} * ${sql.lit(sign)}`.as('value')])
          .where('unitId', '=', unitId),
      )
      .onConflict((oc) =>
        oc
          .columns(['unitId', 'bucket', 'metric'])
          .doUpdateSet({ value: sql`${sql.ref('reportCounter.value')} + excluded.${sql.ref('value')}` }),
      )
      .execute();
  }
}

/**
 * Recomputes every counter from the records: the migration's backfill, and after writing records without ops. Run it in
 * a write transaction where others may read (the migration does): between its delete and inserts the counters are empty.
 */
export async function rebuildReportCounters(db: Writer): Promise<void> {
  await db.deleteFrom('reportCounter').execute();
  const rows = await db
    .selectFrom('activity')
    .innerJoin('orgUnit', 'orgUnit.id', 'activity.orgUnitId')
    .select([...COUNTED_ACTIVITY_COLUMNS, 'orgUnit.path'])
    .select((eb) =>
      eb.selectFrom('checkIn').select(eb.fn.countAll<number>().as('n')).whereRef('checkIn.activityId', '=', 'activity.id').as('checkIns'),
    )
    .execute();
  const deltas = new Map<string, number>();
  for (const r of rows) spread(deltas, r.path, r.startsAt, activityMetrics(r, Number(r.checkIns ?? 0)), 1);
  await addCounters(db, deltas, true);
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The activity figures of the report for the subtree of `root` over the inclusive CST dates [from, to], from counters. */
export async function counterActivityFigures(db: Db, root: { id: string; path: string }, from: string, to: string) {
  const buckets = periodBuckets(from, to);
  const monthBuckets = periodBuckets(from, to, false);
  const [totals, months, villages, themes] = await Promise.all([
    db
      .selectFrom('reportCounter')
      .select(['metric', (eb) => eb.fn.sum<number>('value').as('value')])
      .where('unitId', '=', root.id)
      .where('bucket', 'in', buckets)
      .groupBy('metric')
      .execute(),
    db
      .selectFrom('reportCounter')
      .select(['bucket', 'value'])
      .where('unitId', '=', root.id)
      .where('metric', '=', 'activities')
      .where('bucket', 'in', monthBuckets)
      .execute(),
    db
      .selectFrom('orgUnit')
      .innerJoin('reportCounter', 'reportCounter.unitId', 'orgUnit.id')
      .select(['orgUnit.id', (eb) => eb.fn.sum<number>('reportCounter.value').as('value')])
      .where(inOrgSubtree(root.path, 'orgUnit.path'))
      .where('orgUnit.level', '=', 'village')
      .where('reportCounter.metric', '=', 'activities')
      .where('reportCounter.bucket', 'in', buckets)
      .groupBy('orgUnit.id')
      .execute(),
    db.selectFrom('activityTheme').select(['id', 'name']).execute(),
  ]);
  const v = new Map(totals.map((t) => [t.metric, Number(t.value)]));
  const get = (k: string) => v.get(k) ?? 0;
  const byKind = zeros(ACTIVITY_KINDS);
  for (const k of ACTIVITY_KINDS) byKind[k as ActivityKind] = get(`kind:${k}`);
  const sessionsByKind = zeros(STUDY_KINDS);
  const attendanceByKind = zeros(STUDY_KINDS);
  for (const k of STUDY_KINDS) {
    sessionsByKind[k as StudyKind] = get(`session:${k}`);
    attendanceByKind[k as StudyKind] = get(`attendance:${k}`);
  }
  const dutiesByOutcome = zeros(DUTY_OUTCOMES);
  for (const k of DUTY_OUTCOMES) dutiesByOutcome[k as DutyOutcome] = get(`duty:${k}`);
  const materials = zeros(MATERIALS);
  for (const k of MATERIALS) materials[k] = get(`material:${k}`);
  const themeName = new Map(themes.map((t) => [t.id, t.name]));
  const byTheme = [...v]
    .filter(([k, n]) => k.startsWith('theme:') && n > 0)
    .map(([k, count]) => ({ themeId: k.slice('theme:'.length), name: themeName.get(k.slice('theme:'.length)) ?? '', count }))
    .sort((a, b) => b.count - a.count || a.themeId.localeCompare(b.themeId));
  const perMonth = new Map<string, number>();
  for (const m of months) perMonth.set(m.bucket.slice(0, 7), (perMonth.get(m.bucket.slice(0, 7)) ?? 0) + Number(m.value));
  return {
    activities: get('activities'),
    byKind,
    sessionsByKind,
    attendanceByKind,
    dutiesByOutcome,
    materials,
    byTheme,
    audience: get('audience'),
    checkIns: get('checkIns'),
    byMonth: [...perMonth]
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, count]) => ({ month, count })),
    byVillage: new Map(villages.map((r) => [r.id, Number(r.value)])),
  };
}
