import 'server-only';
import { sql } from 'kysely';
import { STUDY_KINDS, type ActivityKind, type StudyKind } from '@/lib/activity/types';
import type { ConsultReportFigures } from '@/lib/consult/types';
import { periodBounds } from '@/lib/report/period';
import { ROLES, type Role } from '@/lib/roles';
import type { ActivityFigures } from '../activity-report';
import { counterActivityFigures } from './counters';
import { consultReport } from '../consult-report';
import type { Db } from '../db/client';
import { ancestorIds, getOrgUnit, inOrgSubtree, isUnder } from '../org';

/**
 * Every figure of the annual rule-of-law report (法治政府建设情况报告) for one org unit and everything under it, over
 * the inclusive CST dates [from, to]. The activity figures come from report counters kept in the same transaction as
 * each op (./counters.ts), the rest is counted from records each time; never typed in. Keys are stable (README).
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
  const [act, consult, units, progress, attempts, people, tasks, users] = await Promise.all([
    counterActivityFigures(db, root, from, to),
    consultReport(db, orgUnitId, fromIso, toIso),
    db.selectFrom('orgUnit').select(['id', 'name', 'level', 'path']).where(inOrgSubtree(root.path, 'path')).orderBy('path').execute(),
    db
      .selectFrom('lessonProgress')
      .innerJoin('user', 'user.id', 'lessonProgress.userId')
      .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
      .select((eb) => [
        eb.fn.countAll<number>().as('completed'),
        eb.fn.count<number>('lessonProgress.userId').distinct().as('learners'),
        eb.fn.sum<number>('lessonProgress.secondsSpent').as('seconds'),
      ])
      .where(inOrgSubtree(root.path))
      .where('lessonProgress.completedAt', '>=', fromIso)
      .where('lessonProgress.completedAt', '<', toIso)
      .executeTakeFirstOrThrow(),
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
  if (!consult) return undefined;

  const villages = units.filter((u) => u.level === 'village');
  const hamlets = units.filter((u) => u.level === 'hamlet');
  const serving = people.filter((p) => p.serving);
  // 法律明白人 serving per unit, each counted under every unit on their path: one pass, then a lookup per unit.
  const servingUnder = new Map<string, number>();
  for (const p of serving) for (const id of ancestorIds(p.path)) servingUnder.set(id, (servingUnder.get(id) ?? 0) + 1);
  const countIn = (id: string) => servingUnder.get(id) ?? 0;
  const hamletsOf = new Map<string, typeof hamlets>();
  for (const h of hamlets) for (const id of ancestorIds(h.path)) hamletsOf.set(id, [...(hamletsOf.get(id) ?? []), h]);

  const weeklyTasks = await weeklyTaskFigures(db, root.path, units, tasks, users);

  const { orgUnitId: _o, from: _f, to: _t, ...consultations } = consult;
  const passedUsers = new Set(attempts.filter((a) => a.passed).map((a) => a.userId)).size;
  const attemptUsers = new Set(attempts.map((a) => a.userId)).size;
  return {
    period: { from, to, timeZone: 'Asia/Shanghai' },
    orgUnit: { id: root.id, name: root.name, level: root.level },
    study: {
      sessions: act.byKind.study,
      sessionsByKind: act.sessionsByKind,
      attendance: STUDY_KINDS.reduce((s, k) => s + act.attendanceByKind[k], 0),
      attendanceByKind: act.attendanceByKind,
      lessonsCompleted: Number(progress.completed),
      learners: Number(progress.learners),
      studyHours: Math.round((Number(progress.seconds ?? 0) / 3600) * 10) / 10,
      weeklyTasks,
    },
    activities: {
      total: act.activities,
      byKind: act.byKind,
      byTheme: act.byTheme,
      byMonth: act.byMonth,
      byVillage: villages.map((v) => ({ id: v.id, name: v.name, count: act.byVillage.get(v.id) ?? 0 })),
    },
    materials: act.materials,
    reach: { checkIns: act.checkIns, audienceEstimate: act.audience },
    duties: act.dutiesByOutcome,
    exams: {
      attempts: attempts.length,
      participants: attemptUsers,
      passed: passedUsers,
      passRate: pct(passedUsers, attemptUsers),
    },
    consultations,
    legalLiterate: {
      total: serving.length,
      certifiedInPeriod: serving.filter((p) => p.legalLiterateSince! >= from).length,
      retiredInPeriod: people.filter((p) => p.retiredInPeriod).length,
      villages: villages.length,
      villagesCovered: villages.filter((v) => countIn(v.id) > 0).length,
      villagesBelowThree: villages.filter((v) => countIn(v.id) < LEGAL_LITERATE_TARGET).length,
      hamlets: hamlets.length,
      hamletsCovered: hamlets.filter((h) => countIn(h.id) > 0).length,
      byVillage: villages.map((v) => {
        const hs = hamletsOf.get(v.id) ?? [];
        return {
          id: v.id,
          name: v.name,
          count: countIn(v.id),
          hamlets: hs.length,
          hamletsCovered: hs.filter((h) => countIn(h.id) > 0).length,
        };
      }),
    },
  };
}

/**
 * Weekly tasks: each assigned person (by role and unit) completes the task's lesson by the end of its week. People are
 * grouped by role and unit for the assigned counts; completions are read once, only for the tasks' lessons up to the
 * last task's week end, and looked up per lesson.
 */
async function weeklyTaskFigures(
  db: Db,
  rootPath: string,
  units: { id: string; path: string }[],
  tasks: { weekStart: string; lessonId: string | null; roles: string; orgUnitIds: string }[],
  users: { id: string; role: string | null; path: string }[],
): Promise<ReportSummary['study']['weeklyTasks']> {
  const withLesson = tasks.filter((t) => t.lessonId);
  const weekEnds = withLesson.map((t) => periodBounds(t.weekStart, addDays(t.weekStart, 6)).toIso);
  const lessonIds = [...new Set(withLesson.map((t) => t.lessonId!))];
  const lastEnd = weekEnds.reduce((m, e) => (e > m ? e : m), '');
  const completions = lessonIds.length
    ? await db
        .selectFrom('lessonProgress')
        .innerJoin('user', 'user.id', 'lessonProgress.userId')
        .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
        .select(['lessonProgress.userId', 'lessonProgress.lessonId', 'lessonProgress.completedAt'])
        .where(inOrgSubtree(rootPath))
        .where('lessonProgress.lessonId', 'in', lessonIds)
        .where('lessonProgress.completedAt', 'is not', null)
        .where('lessonProgress.completedAt', '<', lastEnd)
        .execute()
    : [];
  const byLesson = new Map<string, { userId: string; completedAt: string }[]>();
  for (const c of completions) {
    const list = byLesson.get(c.lessonId) ?? [];
    list.push({ userId: c.userId, completedAt: c.completedAt! });
    byLesson.set(c.lessonId, list);
  }
  const userById = new Map(users.map((u) => [u.id, u]));
  const groups = new Map<string, { role: string; path: string; people: number }>();
  for (const u of users) {
    const key = `${u.role ?? ''}\t${u.path}`;
    const g = groups.get(key) ?? { role: u.role ?? '', path: u.path, people: 0 };
    g.people++;
    groups.set(key, g);
  }
  const unitPaths = new Map(units.map((u) => [u.id, u.path]));
  const perRole = new Map(ROLES.map((r) => [r, { role: r, assigned: 0, completed: 0 }]));
  withLesson.forEach((t, i) => {
    const roles = JSON.parse(t.roles) as string[];
    const orgIds = JSON.parse(t.orgUnitIds) as string[];
    const paths = orgIds.map((id) => unitPaths.get(id)).filter((p): p is string => Boolean(p));
    const assigned = (u: { role: string | null; path: string }) =>
      roles.includes(u.role ?? '') && (!orgIds.length || paths.some((p) => isUnder(u.path, p)));
    for (const g of groups.values()) {
      const bucket = perRole.get(g.role as Role);
      if (bucket && assigned(g)) bucket.assigned += g.people;
    }
    for (const c of byLesson.get(t.lessonId!) ?? []) {
      const u = userById.get(c.userId);
      const bucket = u && perRole.get(u.role as Role);
      if (u && bucket && assigned(u) && c.completedAt < weekEnds[i]!) bucket.completed++;
    }
  });
  return [...perRole.values()].filter((r) => r.assigned > 0).map((r) => ({ ...r, rate: pct(r.completed, r.assigned) }));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
