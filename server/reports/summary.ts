import 'server-only';
import { sql, type ExpressionBuilder } from 'kysely';
import { STUDY_KINDS, type ActivityKind, type StudyKind } from '@/lib/activity/types';
import type { ConsultReportFigures } from '@/lib/consult/types';
import { periodBounds } from '@/lib/report/period';
import { ROLES, type Role } from '@/lib/roles';
import type { ActivityFigures } from '../activity-report';
import { counterActivityFigures } from './counters';
import { consultReport } from '../consult-report';
import type { Db } from '../db/client';
import type { Database } from '../db/schema';
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
  const [act, consult, units, progress, learners, attempts, people, tasks] = await Promise.all([
    counterActivityFigures(db, root, from, to),
    consultReport(db, orgUnitId, fromIso, toIso),
    db.selectFrom('orgUnit').select(['id', 'name', 'level', 'path']).where(inOrgSubtree(root.path, 'path')).orderBy('path').execute(),
    db
      .selectFrom('lessonProgress')
      .innerJoin('user', 'user.id', 'lessonProgress.userId')
      .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
      .select((eb) => [eb.fn.countAll<number>().as('completed'), eb.fn.sum<number>('lessonProgress.secondsSpent').as('seconds')])
      .where(inOrgSubtree(root.path))
      .where('lessonProgress.completedAt', '>=', fromIso)
      .where('lessonProgress.completedAt', '<', toIso)
      .executeTakeFirstOrThrow(),
    // Distinct learners: the people with a completion in the period, each found through the progress key's userId
    // prefix (cheaper than count(distinct) over every completion).
    db
      .selectFrom('user')
      .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(inOrgSubtree(root.path))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('lessonProgress')
            .select(sql.lit(1).as('one'))
            .whereRef('lessonProgress.userId', '=', 'user.id')
            .where('lessonProgress.completedAt', '>=', fromIso)
            .where('lessonProgress.completedAt', '<', toIso),
        ),
      )
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

  const weeklyTasks = await weeklyTaskFigures(db, root.path, units, tasks);

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
      learners: Number(learners.n),
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
 * Weekly tasks: each assigned person (by role and unit) completes the task's lesson by the end of its week. Counted in
 * SQL, a few hundred rows back rather than every person and completion: people by role and unit (for the assigned),
 * and completions by lesson and role (and unit, for tasks limited to some units), each lesson's completions cut at its
 * task's week end. A lesson set in several weeks' tasks is counted once per task, one query per such layer.
 */
async function weeklyTaskFigures(
  db: Db,
  rootPath: string,
  units: { id: string; path: string }[],
  tasks: { weekStart: string; lessonId: string | null; roles: string; orgUnitIds: string }[],
): Promise<ReportSummary['study']['weeklyTasks']> {
  const unitPaths = new Map(units.map((u) => [u.id, u.path]));
  const list = tasks
    .filter((t) => t.lessonId)
    .map((t) => {
      const orgIds = JSON.parse(t.orgUnitIds) as string[];
      return {
        lessonId: t.lessonId!,
        weekEnd: periodBounds(t.weekStart, addDays(t.weekStart, 6)).toIso,
        roles: JSON.parse(t.roles) as string[],
        limited: orgIds.length > 0,
        paths: orgIds.map((id) => unitPaths.get(id)).filter((p): p is string => Boolean(p)),
      };
    });
  if (!list.length) return [];
  type Task = (typeof list)[number];
  // Layers: the n-th task of each lesson, open (any unit) and limited apart; usually one or two queries in all.
  const layers: Task[][] = [];
  const seen = new Map<string, number>();
  for (const t of list) {
    const key = `${t.limited} ${t.lessonId}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const layer = layers.filter((l) => l[0]!.limited === t.limited)[n];
    if (layer) layer.push(t);
    else layers.push([t]);
  }
  const notBanned = (eb: ExpressionBuilder<Database, 'user'>) =>
    eb.or([eb('user.banned', 'is', null), eb('user.banned', '=', sql<boolean>`${sql.lit(false)}`)]);
  const completions = (layer: Task[]) => {
    const weekEnd = sql<string>`case ${sql.ref('lessonProgress.lessonId')} ${sql.join(
      layer.map((t) => sql`when ${t.lessonId} then ${t.weekEnd}`),
      sql` `,
    )} end`;
    return db
      .selectFrom('lessonProgress')
      .innerJoin('user', 'user.id', 'lessonProgress.userId')
      .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
      .select(['lessonProgress.lessonId', 'user.role', (eb) => eb.fn.countAll<number>().as('n')])
      .$if(layer[0]!.limited, (q) => q.select('orgUnit.path').groupBy('orgUnit.path'))
      .where(inOrgSubtree(rootPath))
      .where(notBanned)
      .where(
        'lessonProgress.lessonId',
        'in',
        layer.map((t) => t.lessonId),
      )
      .where('lessonProgress.completedAt', '<', weekEnd)
      .groupBy(['lessonProgress.lessonId', 'user.role'])
      .execute()
      .then((rows) => ({ layer, rows: rows as { lessonId: string; role: string | null; n: number; path?: string }[] }));
  };
  const [people, ...done] = await Promise.all([
    db
      .selectFrom('user')
      .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
      .select(['user.role', 'orgUnit.path', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inOrgSubtree(rootPath))
      .where(notBanned)
      .groupBy(['user.role', 'orgUnit.path'])
      .execute(),
    ...layers.map(completions),
  ]);
  const perRole = new Map(ROLES.map((r) => [r, { role: r, assigned: 0, completed: 0 }]));
  const matches = (t: Task, role: string | null, path: string | undefined) =>
    t.roles.includes(role ?? '') && (!t.limited || (path !== undefined && t.paths.some((p) => isUnder(path, p))));
  for (const t of list)
    for (const g of people) {
      const bucket = perRole.get(g.role as Role);
      if (bucket && matches(t, g.role, g.path)) bucket.assigned += Number(g.n);
    }
  for (const { layer, rows } of done) {
    const task = new Map(layer.map((t) => [t.lessonId, t]));
    for (const c of rows) {
      const t = task.get(c.lessonId);
      const bucket = perRole.get(c.role as Role);
      if (t && bucket && matches(t, c.role, c.path)) bucket.completed += Number(c.n);
    }
  }
  return [...perRole.values()].filter((r) => r.assigned > 0).map((r) => ({ ...r, rate: pct(r.completed, r.assigned) }));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
