import 'server-only';
import { sql } from 'kysely';
import type { Db } from './db/client';
import type { ReportFigures } from '@/lib/report/types';
import { getOrgUnit, inOrgSubtree, isUnder } from './org';

export async function reportFigures(db: Db, orgUnitId: string, from: string, to: string): Promise<ReportFigures | undefined> {
  const root = await getOrgUnit(db, orgUnitId);
  if (!root) return undefined;
  const units = await db
    .selectFrom('orgUnit')
    .select(['id', 'name', 'level', 'path'])
    .where(inOrgSubtree(root.path, 'path'))
    .orderBy('sortOrder')
    .execute();
  const literate = await db
    .selectFrom('user')
    .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
    .select(['orgUnit.path'])
    .where(inOrgSubtree(root.path))
    .where('user.legalLiterate', '=', sql<boolean>`${sql.lit(true)}`)
    .where((eb) => eb.or([eb('user.banned', 'is', null), eb('user.banned', '=', sql<boolean>`${sql.lit(false)}`)]))
    .execute();
  const progress = await db
    .selectFrom('lessonProgress')
    .innerJoin('user', 'user.id', 'lessonProgress.userId')
    .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
    .select(['lessonProgress.userId', 'lessonProgress.completedAt', 'lessonProgress.secondsSpent', 'orgUnit.path'])
    .where(inOrgSubtree(root.path))
    .where('lessonProgress.openedAt', '>=', from)
    .where('lessonProgress.openedAt', '<', to)
    .execute();
  const inside = isUnder;
  const covered = (unitPath: string) => literate.some((l) => inside(l.path, unitPath));
  const villages = units.filter((u) => u.level === 'village');
  const hamlets = units.filter((u) => u.level === 'hamlet');
  const completed = progress.filter((p) => p.completedAt !== null);
  return {
    orgUnitId,
    from,
    to,
    legalLiterate: literate.length,
    villages: villages.length,
    villagesCovered: villages.filter((v) => covered(v.path)).length,
    hamlets: hamlets.length,
    hamletsCovered: hamlets.filter((h) => covered(h.path)).length,
    completions: completed.length,
    learners: new Set(progress.map((p) => p.userId)).size,
    studyHours: Math.round((progress.reduce((s, p) => s + p.secondsSpent, 0) / 3600) * 10) / 10,
    byVillage: villages.map((v) => {
      const hs = hamlets.filter((h) => inside(h.path, v.path));
      const ps = progress.filter((p) => inside(p.path, v.path));
      return {
        id: v.id,
        name: v.name,
        legalLiterate: literate.filter((l) => inside(l.path, v.path)).length,
        hamlets: hs.length,
        hamletsCovered: hs.filter((h) => covered(h.path)).length,
        completions: ps.filter((p) => p.completedAt !== null).length,
        learners: new Set(ps.map((p) => p.userId)).size,
      };
    }),
  };
}
