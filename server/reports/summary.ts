import 'server-only';
import { sql } from 'kysely';
import { STUDY_KINDS, type ActivityKind, type StudyKind } from '@/lib/activity/types';
import type { ConsultReportFigures } from '@/lib/consult/types';
import { chinaMonth, periodBounds } from '@/lib/report/period';
import { ROLES, type Role } from '@/lib/roles';
import { activityFigures, type ActivityFigures } from '../activity-report';
import { consultReport } from '../consult-report';
import type { Db } from '../db/client';
import { getOrgUnit, inOrgSubtree, isUnder } from '../org';

/**
 * Every figure of the annual rule-of-law report (法治政府建设情况报告) for one org unit and everything under it, over
 * the inclusive CST dates [from, to]. Counted from records each time, never stored; keys are stable (README).
 */
export interface ReportSummary {
  period: { from: string; to: string; timeZone: 'Asia/Shanghai' };
  orgUnit: { id: string; name: string; level: string };
  study: {
    sessions: number;
    sessionsByKind: Record<StudyKind, number>;
    attendance: number;
    attendanceByKind: Record<StudyKind, number>;
    lessonsCompleted: number;
    learners: number;
    studyHours: number;
    weeklyTasks: { role: Role; assigned: number; completed: number; rate: number | null }[];
  };
  activities: {
    total: number;
    byKind: Record<ActivityKind, number>;
    byTheme: ActivityFigures['byTheme'];
    byMonth: { month: string; count: number }[];
    byVillage: { id: string; name: string; count: number }[];
  };
  materials: ActivityFigures['materials'];
  reach: { checkIns: number; audienceEstimate: number };
  duties: ActivityFigures['dutiesByOutcome'];
  exams: { attempts: number; participants: number; passed: number; passRate: number | null };
  consultations: Omit<ConsultReportFigures, 'orgUnitId' | 'from' | 'to'>;
  legalLiterate: {
    total: number;
    certifiedInPeriod: number;
    retiredInPeriod: number;
    villages: number;
    villagesCovered: number;
    villagesBelowThree: number;
    hamlets: number;
    hamletsCovered: number;
    byVillage: { id: string; name: string; count: number; hamlets: number; hamletsCovered: number }[];
  };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
/** The national target: at least three 法律明白人 in every administrative village. */
export const LEGAL_LITERATE_TARGET = 3;

/** The 法律明白人 serving on the last day of the period: certified by then and not retired by then. */
export async function legalLiteratePeople(db: Db, rootPath: string, from: string, to: string) {
  const rows = await db
    .selectFrom('user')
    .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
    .select([
      'user.id',
      'user.name',
      'user.legalLiterate',
      'user.legalLiterateSince',
      'user.legalLiterateRetiredAt',
      'user.banned',
      'user.orgUnitId',
      'orgUnit.name as orgUnitName',
      'orgUnit.path',
    ])
    .where(inOrgSubtree(rootPath))
    .where('user.legalLiterateSince', 'is not', null)
    .orderBy('orgUnit.path')
    .orderBy('user.name')
    .execute();
  return rows
    .filter((r) => !r.banned && r.legalLiterateSince !== null)
    .map((r) => ({
      ...r,
      serving: r.legalLiterateSince! <= to && (r.legalLiterateRetiredAt ? r.legalLiterateRetiredAt > to : Boolean(r.legalLiterate)),
    }))
    .filter(
      (r) => r.serving || (r.legalLiterateRetiredAt !== null && r.legalLiterateRetiredAt !== undefined && r.legalLiterateRetiredAt >= from),
    )
    .map((r) => ({
      ...r,
      retiredInPeriod: Boolean(r.legalLiterateRetiredAt && r.legalLiterateRetiredAt >= from && r.legalLiterateRetiredAt <= to),
    }));
}

export async function reportSummary(db: Db, orgUnitId: string, from: string, to: string): Promise<ReportSummary | undefined> {
  const root = await getOrgUnit(db, orgUnitId);
  if (!root) return undefined;
  const { fromIso, toIso } = periodBounds(from, to);
  const [act, consult, units, activities, progress, attempts, people, tasks, users] = await Promise.all([
    activityFigures(db, orgUnitId, fromIso, toIso),
    consultReport(db, orgUnitId, fromIso, toIso),
    db.selectFrom('orgUnit').select(['id', 'name', 'level', 'path']).where(inOrgSubtree(root.path, 'path')).orderBy('path').execute(),
    db
      .selectFrom('activity')
      .innerJoin('orgUnit', 'orgUnit.id', 'activity.orgUnitId')
      .select(['activity.kind', 'activity.studyKind', 'activity.startsAt', 'orgUnit.path'])
      .select((eb) =>
        eb.selectFrom('checkIn').select(eb.fn.countAll<number>().as('n')).whereRef('checkIn.activityId', '=', 'activity.id').as('checkIns'),
      )
      .where(inOrgSubtree(root.path))
      .where('activity.startsAt', '>=', fromIso)
      .where('activity.startsAt', '<', toIso)
      .execute(),
    db
      .selectFrom('lessonProgress')
      .innerJoin('user', 'user.id', 'lessonProgress.userId')
      .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
      .select(['lessonProgress.userId', 'lessonProgress.lessonId', 'lessonProgress.completedAt', 'lessonProgress.secondsSpent'])
      .where(inOrgSubtree(root.path))
      .where('lessonProgress.completedAt', '>=', fromIso)
      .where('lessonProgress.completedAt', '<', toIso)
      .execute(),
    db
      .selectFrom('examAttempt')
      .innerJoin('user', 'user.id', 'examAttempt.userId')
      .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
      .select(['examAttempt.userId', 'examAttempt.passed'])
      .where(inOrgSubtree(root.path))
      .where('examAttempt.submittedAt', '>=', fromIso)
      .where('examAttempt.submittedAt', '<', toIso)
      .execute(),
    legalLiteratePeople(db, root.path, from, to),
    db
      .selectFrom('studyTask')
      .select(['weekStart', 'lessonId', 'roles', 'orgUnitIds'])
      .where('weekStart', '>=', from)
      .where('weekStart', '<=', to)
      .execute(),
    db
      .selectFrom('user')
      .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
      .select(['user.id', 'user.role', 'orgUnit.path'])
      .where(inOrgSubtree(root.path))
      .where((eb) => eb.or([eb('user.banned', 'is', null), eb('user.banned', '=', sql<boolean>`${sql.lit(false)}`)]))
      .execute(),
  ]);
  if (!act || !consult) return undefined;

  const villages = units.filter((u) => u.level === 'village');
  const hamlets = units.filter((u) => u.level === 'hamlet');
  const serving = people.filter((p) => p.serving);
  const countIn = (path: string) => serving.filter((p) => isUnder(p.path, path)).length;

  const sessionsByKind = zeros(STUDY_KINDS);
  const attendanceByKind = zeros(STUDY_KINDS);
  const months = new Map<string, number>();
  for (const a of activities) {
    const month = chinaMonth(a.startsAt);
    months.set(month, (months.get(month) ?? 0) + 1);
    if (a.kind === 'study') {
      const k = (a.studyKind ?? 'other') as StudyKind;
      sessionsByKind[k]++;
      attendanceByKind[k] += Number(a.checkIns ?? 0);
    }
  }

  // Weekly tasks: each assigned person (by role and unit) completes the task's lesson by the end of its week.
  const completedAt = new Map<string, string>();
  const allProgress = tasks.length
    ? await db
        .selectFrom('lessonProgress')
        .innerJoin('user', 'user.id', 'lessonProgress.userId')
        .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
        .select(['lessonProgress.userId', 'lessonProgress.lessonId', 'lessonProgress.completedAt'])
        .where(inOrgSubtree(root.path))
        .where('lessonProgress.completedAt', 'is not', null)
        .execute()
    : [];
  for (const p of allProgress) completedAt.set(`${p.userId} ${p.lessonId}`, p.completedAt!);
  const unitPaths = new Map(units.map((u) => [u.id, u.path]));
  const perRole = new Map(ROLES.map((r) => [r, { role: r, assigned: 0, completed: 0 }]));
  for (const t of tasks) {
    if (!t.lessonId) continue;
    const roles = JSON.parse(t.roles) as string[];
    const orgIds = JSON.parse(t.orgUnitIds) as string[];
    const paths = orgIds.map((id) => unitPaths.get(id)).filter((p): p is string => Boolean(p));
    const weekEnd = periodBounds(t.weekStart, addDays(t.weekStart, 6)).toIso;
    for (const u of users) {
      if (!roles.includes(u.role ?? '')) continue;
      if (orgIds.length && !paths.some((p) => isUnder(u.path, p))) continue;
      const bucket = perRole.get(u.role as Role);
      if (!bucket) continue;
      bucket.assigned++;
      const done = completedAt.get(`${u.id} ${t.lessonId}`);
      if (done && done < weekEnd) bucket.completed++;
    }
  }

  const { orgUnitId: _o, from: _f, to: _t, ...consultations } = consult;
  return {
    period: { from, to, timeZone: 'Asia/Shanghai' },
    orgUnit: { id: root.id, name: root.name, level: root.level },
    study: {
      sessions: act.byKind.study,
      sessionsByKind,
      attendance: STUDY_KINDS.reduce((s, k) => s + attendanceByKind[k], 0),
      attendanceByKind,
      lessonsCompleted: progress.length,
      learners: new Set(progress.map((p) => p.userId)).size,
      studyHours: Math.round((progress.reduce((s, p) => s + Number(p.secondsSpent), 0) / 3600) * 10) / 10,
      weeklyTasks: [...perRole.values()].filter((r) => r.assigned > 0).map((r) => ({ ...r, rate: pct(r.completed, r.assigned) })),
    },
    activities: {
      total: act.activities,
      byKind: act.byKind,
      byTheme: act.byTheme,
      byMonth: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
      byVillage: villages.map((v) => ({ id: v.id, name: v.name, count: activities.filter((a) => isUnder(a.path, v.path)).length })),
    },
    materials: act.materials,
    reach: { checkIns: act.checkIns, audienceEstimate: act.audience },
    duties: act.dutiesByOutcome,
    exams: {
      attempts: attempts.length,
      participants: new Set(attempts.map((a) => a.userId)).size,
      passed: new Set(attempts.filter((a) => a.passed).map((a) => a.userId)).size,
      passRate: pct(new Set(attempts.filter((a) => a.passed).map((a) => a.userId)).size, new Set(attempts.map((a) => a.userId)).size),
    },
    consultations,
    legalLiterate: {
      total: serving.length,
      certifiedInPeriod: serving.filter((p) => p.legalLiterateSince! >= from).length,
      retiredInPeriod: people.filter((p) => p.retiredInPeriod).length,
      villages: villages.length,
      villagesCovered: villages.filter((v) => countIn(v.path) > 0).length,
      villagesBelowThree: villages.filter((v) => countIn(v.path) < LEGAL_LITERATE_TARGET).length,
      hamlets: hamlets.length,
      hamletsCovered: hamlets.filter((h) => countIn(h.path) > 0).length,
      byVillage: villages.map((v) => {
        const hs = hamlets.filter((h) => isUnder(h.path, v.path));
        return {
          id: v.id,
          name: v.name,
          count: countIn(v.path),
          hamlets: hs.length,
          hamletsCovered: hs.filter((h) => countIn(h.path) > 0).length,
        };
      }),
    },
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
