import 'server-only';
import { MIN_RANKING_GROUP } from '@/lib/constants';
import { countedAttempt, questionStats, scoreDistribution } from '@/lib/quiz/stats';
import type { ExamStats, UnitRow } from '@/lib/quiz/stats-types';
import { isRole } from '@/lib/roles';
import type { Db } from '../db/client';
import { ancestorIds } from '../org';
import { inAudience, requireExam, toExamSummary } from './exams';

/**
 * An exam's statistics for administrators: participation by org unit, pass rate, score distribution, per-question
 * facility and discrimination (over each person's counted attempt), and the village ranking. No names leave here.
 */
const mean = (xs: number[]) => (xs.length ? Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10 : null);

export async function examStats(db: Db, examId: string): Promise<ExamStats> {
  const exam = toExamSummary(await requireExam(db, examId));
  const units = new Map((await db.selectFrom('orgUnit').select(['id', 'name', 'level', 'path']).execute()).map((u) => [u.id, u]));
  const users = await db
    .selectFrom('user')
    .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
    .select(['user.id', 'user.role', 'user.banned', 'orgUnit.path'])
    .execute();
  const attempts = await db
    .selectFrom('examAttempt')
    .select(['userId', 'score', 'submittedAt', 'passed', 'items'])
    .where('examId', '=', examId)
    .execute();

  // A person is counted in their administrative village, or in their own unit when they sit above the villages.
  const unitOf = (path: string) => {
    const ids = ancestorIds(path);
    return ids.find((id) => units.get(id)?.level === 'village') ?? ids[ids.length - 1] ?? '';
  };
  const audience = users.filter(
    (u) => !u.banned && isRole(u.role) && inAudience(exam, { id: u.id, role: u.role, orgPath: ancestorIds(u.path) }),
  );
  const byUser = new Map<string, typeof attempts>();
  for (const a of attempts) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
  const counted = new Map(
    [...byUser].flatMap(([userId, list]) => {
      const a = countedAttempt(
        list.map((x) => ({ ...x, score: Number(x.score) })),
        exam.countingRule,
      );
      return a ? [[userId, a] as const] : [];
    }),
  );
  const pathOf = new Map(users.map((u) => [u.id, u.path]));

  const rows = new Map<string, UnitRow & { scores: number[] }>();
  const rowFor = (id: string) => {
    let row = rows.get(id);
    if (!row)
      rows.set(
        id,
        (row = {
          orgUnitId: id,
          name: units.get(id)?.name ?? id,
          level: units.get(id)?.level ?? '',
          audience: 0,
          participants: 0,
          passed: 0,
          averageScore: null,
          scores: [],
        }),
      );
    return row;
  };
  for (const u of audience) rowFor(unitOf(u.path)).audience++;
  for (const [userId, a] of counted) {
    const row = rowFor(unitOf(pathOf.get(userId) ?? ''));
    row.participants++;
    row.scores.push(a.score);
    if (a.passed) row.passed++;
  }
  const byUnit = [...rows.values()]
    .map(({ scores, ...row }) => ({ ...row, averageScore: mean(scores) }))
    .sort((a, b) => (units.get(a.orgUnitId)?.path ?? '').localeCompare(units.get(b.orgUnitId)?.path ?? ''));

  const itemRows = [...counted.values()].map((a) =>
    Object.fromEntries((JSON.parse(a.items) as { questionId: string; correct: boolean }[]).map((i) => [i.questionId, i.correct ? 1 : 0])),
  );
  const questionIds = [...new Set(itemRows.flatMap((r) => Object.keys(r)))].sort();
  const stems = questionIds.length
    ? await db.selectFrom('question').select(['id', 'stem', 'type']).where('id', 'in', questionIds).execute()
    : [];
  const stemOf = new Map(stems.map((s) => [s.id, s]));
  const scores = [...counted.values()].map((a) => a.score);
  return {
    exam,
    audience: audience.length,
    participants: counted.size,
    attempts: attempts.length,
    passed: [...counted.values()].filter((a) => a.passed).length,
    averageScore: mean(scores),
    distribution: scoreDistribution(scores),
    byUnit,
    rankingHidden: byUnit.filter((r) => r.level === 'village' && r.participants > 0 && r.participants < MIN_RANKING_GROUP).length,
    // A village with fewer than MIN_RANKING_GROUP participants would show one or two people's scores: left out.
    ranking: byUnit
      .filter((r) => r.level === 'village' && r.participants >= MIN_RANKING_GROUP)
      .sort(
        (a, b) =>
          (b.averageScore ?? -1) - (a.averageScore ?? -1) ||
          b.participants / Math.max(1, b.audience) - a.participants / Math.max(1, a.audience),
      ),
    questions: questionStats(questionIds, itemRows).map((q) => ({
      ...q,
      stem: stemOf.get(q.questionId)?.stem ?? '',
      type: stemOf.get(q.questionId)?.type ?? '',
    })),
  };
}
