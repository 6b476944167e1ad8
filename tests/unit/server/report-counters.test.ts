import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, DUTY_OUTCOMES, MATERIALS, STUDY_KINDS } from '@/lib/activity/types';
import { chinaMonth, periodBounds } from '@/lib/report/period';
import type { OpResult } from '@/lib/validations/sync';
import { applyOrgAction } from '@/server/admin/villages';
import { loadShippedContent } from '@/server/content';
import type { DbHandle } from '@/server/db/client';
import { rebuildReportCounters } from '@/server/reports/counters';
import { reportSummary } from '@/server/reports/summary';
import { seedDemo } from '@/server/seed';
import { pushOps } from '@/server/sync/push';
import { createTask } from '@/server/tasks';
import { freshTestDb, testDbKinds, type TestDb } from '../../support/test-db';

/**
 * The report's activity figures come from counters kept by the op handlers (server/reports/counters.ts). Built here
 * through the real ops (the demo township and year, then new activities, check-ins, an edit that moves an activity to
 * another village and month, a duplicated push, an event at 23:30 on 31 December CST, an org unit moved to another
 * township), the summary must equal the same figures counted from the records, for several periods and units; and the
 * counters kept op by op must equal those rebuilt from the records.
 */
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The activity figures of reportSummary, counted straight from the activity and check-in rows. */
async function fromRecords(handle: DbHandle, unitId: string, from: string, to: string) {
  const root = await handle.db.selectFrom('orgUnit').select('path').where('id', '=', unitId).executeTakeFirstOrThrow();
  const units = await handle.db.selectFrom('orgUnit').select(['id', 'name', 'level', 'path']).orderBy('path').execute();
  const themes = new Map((await handle.db.selectFrom('activityTheme').select(['id', 'name']).execute()).map((t) => [t.id, t.name]));
  const checkIns = new Map<string, number>();
  for (const c of await handle.db.selectFrom('checkIn').select('activityId').execute())
    checkIns.set(c.activityId, (checkIns.get(c.activityId) ?? 0) + 1);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const { fromIso, toIso } = periodBounds(from, to);
  const acts = (await handle.db.selectFrom('activity').selectAll().execute()).filter(
    (a) => a.startsAt >= fromIso && a.startsAt < toIso && pathOf.get(a.orgUnitId)!.startsWith(root.path),
  );
  const byKind = zeros(ACTIVITY_KINDS);
  const sessionsByKind = zeros(STUDY_KINDS);
  const attendanceByKind = zeros(STUDY_KINDS);
  const duties = zeros(DUTY_OUTCOMES);
  const materials = zeros(MATERIALS);
  const byTheme = new Map<string, number>();
  const byMonth = new Map<string, number>();
  let audienceEstimate = 0;
  let reached = 0;
  for (const a of acts) {
    const n = checkIns.get(a.id) ?? 0;
    byKind[a.kind as keyof typeof byKind]++;
    if (a.kind === 'study') {
      sessionsByKind[(a.studyKind ?? 'other') as keyof typeof sessionsByKind]++;
      attendanceByKind[(a.studyKind ?? 'other') as keyof typeof attendanceByKind] += n;
    }
    if (a.dutyOutcome) duties[a.dutyOutcome as keyof typeof duties]++;
    if (a.themeId) byTheme.set(a.themeId, (byTheme.get(a.themeId) ?? 0) + 1);
    for (const m of MATERIALS) materials[m] += Number(a[m]);
    byMonth.set(chinaMonth(a.startsAt), (byMonth.get(chinaMonth(a.startsAt)) ?? 0) + 1);
    audienceEstimate += Number(a.audience);
    reached += n;
  }
  return {
    study: {
      sessions: byKind.study,
      sessionsByKind,
      attendance: Object.values(attendanceByKind).reduce((s, x) => s + x, 0),
      attendanceByKind,
    },
    activities: {
      total: acts.length,
      byKind,
      byTheme: [...byTheme]
        .map(([themeId, count]) => ({ themeId, name: themes.get(themeId) ?? '', count }))
        .sort((a, b) => b.count - a.count || a.themeId.localeCompare(b.themeId)),
      byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
      byVillage: units
        .filter((u) => u.level === 'village' && u.path.startsWith(root.path))
        .map((v) => ({
          id: v.id,
          name: v.name,
          count: acts.filter((a) => pathOf.get(a.orgUnitId)!.startsWith(v.path)).length,
        })),
    },
    materials,
    reach: { checkIns: reached, audienceEstimate },
    duties,
  };
}

async function fromCounters(handle: DbHandle, unitId: string, from: string, to: string) {
  const s = (await reportSummary(handle.db, unitId, from, to))!;
  return {
    study: {
      sessions: s.study.sessions,
      sessionsByKind: s.study.sessionsByKind,
      attendance: s.study.attendance,
      attendanceByKind: s.study.attendanceByKind,
    },
    activities: { ...s.activities, byVillage: [...s.activities.byVillage].sort((a, b) => a.id.localeCompare(b.id)) },
    materials: s.materials,
    reach: s.reach,
    duties: s.duties,
  };
}

const PERIODS: [string, string][] = [
  ['2025-01-01', '2025-12-31'],
  ['2025-06-01', '2025-09-30'],
  ['2025-06-05', '2025-09-12'],
  ['2025-12-31', '2026-01-01'],
  ['2026-01-01', '2026-12-31'],
  ['2024-11-15', '2026-02-03'],
];

describe.each(testDbKinds)('report counters on %s', (kind) => {
  let test: TestDb;
  let handle: DbHandle;
  const ids: Record<string, string> = {};
  const push = async (userId: string, type: string, payload: unknown, opId = uuidv7()): Promise<OpResult> =>
    (
      await pushOps(handle, userId, {
        deviceId: uuidv7(),
        ops: [{ id: opId, seq: 1, type, payload, createdAt: new Date().toISOString() }],
      })
    ).results[0]!;
  const activity = (o: Record<string, unknown>) => ({
    title: '法治宣传',
    kind: 'publicity',
    orgUnitId: 'org-v01',
    startsAt: '2025-06-10T01:00:00Z',
    endsAt: '2025-06-10T03:00:00Z',
    hostName: '李宣传',
    audience: 30,
    banners: 1,
    posters: 2,
    leaflets: 50,
    brochures: 5,
    gifts: 3,
    themeId: 'theme-1',
    ...o,
  });
  const checkIn = (activityId: string, userId: string, at: string) => ({
    id: uuidv7(),
    activityId,
    person: { kind: 'user', userId },
    method: 'hostScan',
    at,
  });
  const counters = async () =>
    (await handle.db.selectFrom('reportCounter').select(['unitId', 'bucket', 'metric', 'value']).execute())
      .map((r) => ({ ...r, value: Number(r.value) }))
      .filter((r) => r.value !== 0)
      .sort((a, b) => `${a.unitId} ${a.bucket} ${a.metric}`.localeCompare(`${b.unitId} ${b.bucket} ${b.metric}`));

  beforeAll(async () => {
    test = await freshTestDb(kind);
    handle = test.handle;
    // as npm run demo does: the shipped lessons first, so the demo has weekly tasks and a year of lesson completions
    await loadShippedContent(handle, path.resolve(process.cwd(), 'content'));
    await seedDemo(handle, 'Pufa-demo-2026', new Date('2026-03-20T08:00:00Z'));
    for (const u of await handle.db.selectFrom('user').select(['id', 'username']).execute()) ids[u.username ?? ''] = u.id;

    // Weekly tasks in 2025: one lesson set twice (two weeks, other roles and units), one in the week of New Year's Eve;
    // completions inside, after and at 23:30 CST on 31 December.
    const lessons = (await handle.db.selectFrom('lesson').select('id').orderBy('id').limit(2).execute()).map((l) => l.id);
    const task = (weekStart: string, lessonId: string, roles: ('cadre' | 'villager')[], orgUnitIds: string[]) =>
      createTask(handle, { weekStart, lessonId, moduleId: null, roles, orgUnitIds, note: '' }, ids['13800000001']!);
    await task('2025-06-09', lessons[0]!, ['villager', 'cadre'], ['org-town']);
    await task('2025-06-16', lessons[0]!, ['cadre'], ['org-v01']);
    await task('2025-12-29', lessons[1]!, ['villager'], ['org-town']);
    const completion = (userId: string, lessonId: string, completedAt: string) =>
      handle.db
        .insertInto('lessonProgress')
        .values({ userId, lessonId, openedAt: completedAt, completedAt, secondsSpent: 300, changeSeq: 1 })
        .onConflict((oc) => oc.columns(['userId', 'lessonId']).doUpdateSet({ completedAt }))
        .execute();
    await completion(ids['13800000003']!, lessons[0]!, '2025-06-12T02:00:00Z');
    await completion(ids['13800000004']!, lessons[0]!, '2025-06-20T02:00:00Z');
    await completion(ids['13800000004']!, lessons[1]!, '2025-12-31T15:30:00Z');
    const publicist = ids['13800000002']!;
    const people = [ids['13800000003']!, ids['13800000004']!, ids['13800000005']!];

    // A study session in village 1 in June with three check-ins, one person pushed twice by two phones.
    const study = uuidv7();
    const studyFields = activity({ kind: 'study', studyKind: 'mondayMeeting', themeId: null });
    expect((await push(publicist, 'activity.save', { id: study, checkInCode: 'countersA1', activity: studyFields })).status).toBe(
      'applied',
    );
    for (const p of people)
      expect((await push(publicist, 'activity.checkIn', checkIn(study, p, '2025-06-10T01:30:00Z'))).status).toBe('applied');
    expect((await push(publicist, 'activity.checkIn', checkIn(study, people[0]!, '2025-06-10T01:40:00Z'))).status).toBe('applied');

    // An edit moves it to village 2 and to September, with other materials: its figures and check-ins move with it.
    const moved = { ...studyFields, orgUnitId: 'org-v02', startsAt: '2025-09-03T02:00:00Z', endsAt: '2025-09-03T04:00:00Z', leaflets: 80 };
    expect((await push(publicist, 'activity.save', { id: study, checkInCode: 'countersA1', activity: moved })).status).toBe('applied');

    // A publicity event pushed twice with the same op id (a retry after a lost answer): applied once.
    const event = uuidv7();
    const opId = uuidv7();
    const payload = { id: event, checkInCode: 'countersB1', activity: activity({ orgUnitId: 'org-v03-h1' }) };
    expect((await push(publicist, 'activity.save', payload, opId)).status).toBe('applied');
    expect((await push(publicist, 'activity.save', payload, opId)).status).toBe('duplicate');
    expect((await push(publicist, 'activity.checkIn', checkIn(event, people[1]!, '2025-06-10T02:00:00Z'))).status).toBe('applied');

    // 23:30 on 31 December CST: the last day of 2025, not 2026; a duty visit with an outcome.
    const eve = activity({
      kind: 'dutyDispute',
      dutyOutcome: 'reported',
      orgUnitId: 'org-v04',
      startsAt: '2025-12-31T15:30:00Z',
      endsAt: '2025-12-31T15:50:00Z',
    });
    const eveId = uuidv7();
    expect((await push(publicist, 'activity.save', { id: eveId, checkInCode: 'countersC1', activity: eve })).status).toBe('applied');
    expect((await push(publicist, 'activity.checkIn', checkIn(eveId, people[2]!, '2025-12-31T16:10:00Z'))).status).toBe('applied');

    // Village 2 moves to a new township of the county: its figures leave 普法镇 and join the new township.
    const { id: township } = await applyOrgAction(handle, { action: 'add', parentId: 'org-county', name: '新镇' });
    ids.township = township;
    await applyOrgAction(handle, { action: 'move', id: 'org-v02', parentId: township });
  });
  afterAll(async () => test?.drop());

  it('gives the figures counted from the records, for every period and unit', async () => {
    for (const unit of ['org-county', 'org-town', ids.township!, 'org-v01', 'org-v02', 'org-v03', 'org-v03-h1', 'org-v04'])
      for (const [from, to] of PERIODS) {
        const expected = await fromRecords(handle, unit, from, to);
        expected.activities.byVillage.sort((a, b) => a.id.localeCompare(b.id));
        expect({ unit, from, to, ...(await fromCounters(handle, unit, from, to)) }).toEqual({ unit, from, to, ...expected });
      }
  });

  it('counts the moved activity and its check-ins in its new village, month and township only', async () => {
    const town = await fromCounters(handle, ids.township!, '2025-09-01', '2025-09-30');
    expect(town.study.sessionsByKind.mondayMeeting).toBe(1);
    expect(town.study.attendanceByKind.mondayMeeting).toBe(3);
    expect(town.materials.leaflets).toBe(80);
    const june = await fromCounters(handle, 'org-v01', '2025-06-10', '2025-06-10');
    expect(june.study.sessions).toBe(0);
    const eve = await fromCounters(handle, 'org-v04', '2025-12-31', '2025-12-31');
    expect(eve.duties.reported).toBe(1);
    expect(eve.reach.checkIns).toBe(1);
    expect((await fromCounters(handle, 'org-v04', '2026-01-01', '2026-01-01')).duties.reported).toBe(0);
  });

  it('counts weekly tasks, lessons and learners as the records give them, for every period and unit', async () => {
    const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const units = await handle.db.selectFrom('orgUnit').select(['id', 'path']).execute();
    const unitPath = new Map(units.map((u) => [u.id, u.path]));
    const users = await handle.db.selectFrom('user').select(['id', 'role', 'banned', 'orgUnitId']).execute();
    const progress = await handle.db.selectFrom('lessonProgress').selectAll().execute();
    const tasks = await handle.db.selectFrom('studyTask').selectAll().execute();
    let assignedSomewhere = 0;
    for (const unit of ['org-county', 'org-town', 'org-v01', 'org-v03', 'org-v01-h1'])
      for (const [from, to] of [...PERIODS, ['2025-06-09', '2025-06-15'], ['2026-03-01', '2026-03-31']] as [string, string][]) {
        const root = unitPath.get(unit)!;
        const inside = users.filter((u) => u.orgUnitId && unitPath.get(u.orgUnitId)!.startsWith(root));
        const { fromIso, toIso } = periodBounds(from, to);
        const done = progress.filter(
          (p) => p.completedAt && p.completedAt >= fromIso && p.completedAt < toIso && inside.some((u) => u.id === p.userId),
        );
        const perRole = new Map<string, { role: string; assigned: number; completed: number }>();
        for (const t of tasks.filter((t) => t.lessonId && t.weekStart >= from && t.weekStart <= to)) {
          const roles = JSON.parse(t.roles) as string[];
          const paths = (JSON.parse(t.orgUnitIds) as string[]).map((id) => unitPath.get(id)!).filter((p) => p.startsWith(root));
          const weekEnd = periodBounds(t.weekStart, addDays(t.weekStart, 6)).toIso;
          for (const u of inside.filter((u) => !u.banned && roles.includes(u.role ?? ''))) {
            const path = unitPath.get(u.orgUnitId!)!;
            if (JSON.parse(t.orgUnitIds).length && !paths.some((p) => path.startsWith(p))) continue;
            const r = perRole.get(u.role!) ?? { role: u.role!, assigned: 0, completed: 0 };
            r.assigned++;
            const p = progress.find((p) => p.userId === u.id && p.lessonId === t.lessonId);
            if (p?.completedAt && p.completedAt < weekEnd) r.completed++;
            perRole.set(u.role!, r);
          }
        }
        const s = (await reportSummary(handle.db, unit, from, to))!;
        assignedSomewhere += s.study.weeklyTasks.reduce((n, t) => n + t.assigned, 0);
        expect({ unit, from, to, lessons: s.study.lessonsCompleted, learners: s.study.learners }).toEqual({
          unit,
          from,
          to,
          lessons: done.length,
          learners: new Set(done.map((p) => p.userId)).size,
        });
        expect(
          s.study.weeklyTasks
            .map(({ role, assigned, completed }) => ({ role, assigned, completed }))
            .sort((a, b) => a.role.localeCompare(b.role)),
        ).toEqual([...perRole.values()].sort((a, b) => a.role.localeCompare(b.role)));
      }
    expect(assignedSomewhere).toBeGreaterThan(0);
  });

  it('keeps, op by op, the counters a rebuild from the records gives', async () => {
    const kept = await counters();
    expect(kept.length).toBeGreaterThan(100);
    await rebuildReportCounters(handle.db);
    expect(await counters()).toEqual(kept);
  });
});
