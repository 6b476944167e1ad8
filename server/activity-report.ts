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
import { inOrgSubtree, isUnder } from './org';

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

export async function activityFigures(db: Db, orgUnitId: string, from: string, to: string): Promise<ActivityFigures | undefined> {
  const unit = await db.selectFrom('orgUnit').select(['id', 'path']).where('id', '=', orgUnitId).executeTakeFirst();
  if (!unit) return undefined;
  const rows = await db
    .selectFrom('activity')
    .innerJoin('orgUnit', 'orgUnit.id', 'activity.orgUnitId')
    .leftJoin('activityTheme', 'activityTheme.id', 'activity.themeId')
    .select([
      'activity.id',
      'activity.kind',
      'activity.studyKind',
      'activity.dutyOutcome',
      'activity.themeId',
      'activityTheme.name as themeName',
      'activity.audience',
      'activity.banners',
      'activity.posters',
      'activity.leaflets',
      'activity.brochures',
      'activity.gifts',
      'orgUnit.path',
    ])
    .select((eb) =>
      eb.selectFrom('checkIn').select(eb.fn.countAll<number>().as('n')).whereRef('checkIn.activityId', '=', 'activity.id').as('checkIns'),
    )
    .where(inOrgSubtree(unit.path))
    .where('activity.startsAt', '>=', from)
    .where('activity.startsAt', '<', to)
    .execute();

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
  const children = await db
    .selectFrom('orgUnit')
    .select(['id', 'name', 'path'])
    .where('parentId', '=', orgUnitId)
    .orderBy('sortOrder')
    .execute();
  const perChild = new Map(children.map((c) => [c.id, { orgUnitId: c.id, name: c.name, activities: 0, checkIns: 0 }]));
  for (const r of rows) {
    const checkIns = Number(r.checkIns ?? 0);
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
    const child = children.find((c) => isUnder(r.path, c.path));
    const bucket = child && perChild.get(child.id);
    if (bucket) {
      bucket.activities++;
      bucket.checkIns += checkIns;
    }
  }
  figures.byTheme = [...themes.values()].sort((a, b) => b.count - a.count);
  figures.byChildUnit = [...perChild.values()];
  return figures;
}
