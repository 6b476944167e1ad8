import 'server-only';
import {
  ACTIVITY_KINDS,
  DUTY_OUTCOMES,
  MATERIALS,
  STUDY_KINDS,
  type ActivityKind,
  type DutyOutcome,
  type Materials,
  type StudyKind,
} from '@/lib/activity/types';
import type { Db } from './db/client';
import { ancestorIds, inOrgSubtree } from './org';
import { COUNTED_ACTIVITY_COLUMNS, type CountedActivity } from './reports/counters';

/**
 * The activity figures of the annual report for one org unit and everything below it, over [from, to): activities by
 * kind, study sessions by their kind, themes, materials handed out, audience, check-ins (each person once per
 * activity), 法律明白人 duties by outcome, and the same counts per unit directly below. Counted from records only.
 */
export interface ActivityFigures {
  activities: number;
  byKind: Record<ActivityKind, number>;
  byStudyKind: Record<StudyKind, number>;
  byTheme: { themeId: string; name: string; count: number }[];
  materials: Materials;
  audience: number;
  checkIns: number;
  dutiesByOutcome: Record<DutyOutcome, number>;
  byChildUnit: { orgUnitId: string; name: string; activities: number; checkIns: number }[];
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** One activity of a report's period, with only the fields the figures need and its check-ins counted in SQL. */
export interface ActivityRow extends CountedActivity {
  themeName: string | null;
  orgUnitId: string;
  path: string;
  checkIns: number;
}

/** The activities starting in [from, to) in the subtree under `rootPath`, their check-ins counted in SQL. */
export async function activityRows(db: Db, rootPath: string, from: string, to: string): Promise<ActivityRow[]> {
  const rows = await db
    .selectFrom('activity')
    .innerJoin('orgUnit', 'orgUnit.id', 'activity.orgUnitId')
    .leftJoin('activityTheme', 'activityTheme.id', 'activity.themeId')
    .select([...COUNTED_ACTIVITY_COLUMNS, 'activityTheme.name as themeName', 'activity.orgUnitId', 'orgUnit.path'])
    .select((eb) =>
      eb.selectFrom('checkIn').select(eb.fn.countAll<number>().as('n')).whereRef('checkIn.activityId', '=', 'activity.id').as('checkIns'),
    )
    .where(inOrgSubtree(rootPath))
    .where('activity.startsAt', '>=', from)
    .where('activity.startsAt', '<', to)
    .execute();
  return rows.map((r) => ({ ...r, checkIns: Number(r.checkIns ?? 0) }));
}

export async function activityFigures(db: Db, orgUnitId: string, from: string, to: string): Promise<ActivityFigures | undefined> {
  const unit = await db.selectFrom('orgUnit').select(['id', 'path']).where('id', '=', orgUnitId).executeTakeFirst();
  if (!unit) return undefined;
  const [rows, children] = await Promise.all([
    activityRows(db, unit.path, from, to),
    db.selectFrom('orgUnit').select(['id', 'name', 'path']).where('parentId', '=', orgUnitId).orderBy('sortOrder').execute(),
  ]);

  const figures: ActivityFigures = {
    activities: rows.length,
    byKind: zeros(ACTIVITY_KINDS),
    byStudyKind: zeros(STUDY_KINDS),
    byTheme: [],
    materials: zeros(MATERIALS),
    audience: 0,
    checkIns: 0,
    dutiesByOutcome: zeros(DUTY_OUTCOMES),
    byChildUnit: [],
  };
  const themes = new Map<string, { themeId: string; name: string; count: number }>();
  const perChild = new Map(children.map((c) => [c.id, { orgUnitId: c.id, name: c.name, activities: 0, checkIns: 0 }]));
  // The unit directly below the root on an activity's path, found once per unit rather than once per activity.
  const depth = ancestorIds(unit.path).length;
  const childOf = new Map<string, string | undefined>();
  for (const r of rows) {
    const checkIns = r.checkIns;
    figures.byKind[r.kind as ActivityKind]++;
    if (r.kind === 'study' && r.studyKind) figures.byStudyKind[r.studyKind as StudyKind]++;
    if (r.dutyOutcome) figures.dutiesByOutcome[r.dutyOutcome as DutyOutcome]++;
    if (r.themeId) {
      const t = themes.get(r.themeId) ?? { themeId: r.themeId, name: r.themeName ?? '', count: 0 };
      t.count++;
      themes.set(r.themeId, t);
    }
    for (const m of MATERIALS) figures.materials[m] += Number(r[m]);
    figures.audience += Number(r.audience);
    figures.checkIns += checkIns;
    if (!childOf.has(r.orgUnitId)) childOf.set(r.orgUnitId, ancestorIds(r.path)[depth]);
    const childId = childOf.get(r.orgUnitId);
    const bucket = childId === undefined ? undefined : perChild.get(childId);
    if (bucket) {
      bucket.activities++;
      bucket.checkIns += checkIns;
    }
  }
  figures.byTheme = [...themes.values()].sort((a, b) => b.count - a.count);
  figures.byChildUnit = [...perChild.values()];
  return figures;
}
