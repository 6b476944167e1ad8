import 'server-only';
import { uuidv7 } from 'uuidv7';
import { DrawError, drawQuestions, seededRandom } from '@/lib/quiz/draw';
import type { DrawRule, ExamSummary } from '@/lib/quiz/types';
import type { Role } from '@/lib/roles';
import type { CreateExamInput } from '@/lib/validations/quiz';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type Db, type DbHandle, type Trx } from '../db/client';
import type { Selectable } from 'kysely';
import type { ExamTable } from '../db/schema';
import { httpError } from '../http';
import { halves } from '../messages';
import { ancestorIds, getOrgUnit } from '../org';

/** Formal exams: an admin creates them; learners in the audience see them on their phones. */
export function toExamSummary(row: Selectable<ExamTable>): ExamSummary {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    roles: JSON.parse(row.roles) as Role[],
    orgUnitIds: JSON.parse(row.orgUnitIds) as string[],
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    timeLimitMinutes: row.timeLimitMinutes,
    passMark: Number(row.passMark),
    maxAttempts: row.maxAttempts,
    countingRule: row.countingRule,
    review: row.review,
    showRanking: Boolean(row.showRanking),
    questionCount: row.questionCount,
  };
}

export interface Learner {
  id: string;
  role: Role;
  orgPath: string[];
}

export async function learnerOf(db: Db | Trx, user: { id: string; role: Role; orgUnitId: string | null }): Promise<Learner> {
  const unit = user.orgUnitId ? await getOrgUnit(db, user.orgUnitId) : undefined;
  return { id: user.id, role: user.role, orgPath: unit ? ancestorIds(unit.path) : [] };
}

export function inAudience(exam: Pick<ExamSummary, 'roles' | 'orgUnitIds'>, learner: Learner): boolean {
  return exam.roles.includes(learner.role) && exam.orgUnitIds.some((id) => learner.orgPath.includes(id));
}

export async function examPool(db: Db | Trx) {
  const rows = await db
    .selectFrom('question')
    .select(['id', 'type', 'tags'])
    .where('pool', '=', 'exam')
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, type: r.type, tags: JSON.parse(r.tags) as string[] }));
}

/** Checks the paper definition against the exam pool, so every learner can be issued a paper later. */
export async function checkPaper(
  trx: Trx,
  paper: CreateExamInput['paper'],
): Promise<{ questionIds: string[]; rules: DrawRule[]; count: number }> {
  const pool = await examPool(trx);
  if (paper.mode === 'fixed') {
    const ids = [...new Set(paper.questionIds)];
    const known = new Set(pool.map((q) => q.id));
    const outside = ids.filter((id) => !known.has(id));
    if (outside.length) throw httpError(422, 'NOT_EXAM_POOL', { ids: outside.join(', ') }, { paper: 'NOT_EXAM_POOL' });
    return { questionIds: ids, rules: [], count: ids.length };
  }
  try {
    drawQuestions(pool, paper.rules, seededRandom('check'));
  } catch (error) {
    if (error instanceof DrawError) throw httpError(422, 'DRAW_SHORT', halves(error.message), { paper: 'DRAW_SHORT' });
    throw error;
  }
  return { questionIds: [], rules: paper.rules, count: paper.rules.reduce((n, r) => n + r.count, 0) };
}

export async function createExam(handle: DbHandle, input: CreateExamInput, createdBy: string, id = uuidv7()): Promise<ExamSummary> {
  return writeTransaction(handle, async (trx) => {
    const units = await trx.selectFrom('orgUnit').select('id').where('id', 'in', input.orgUnitIds).execute();
    if (units.length !== new Set(input.orgUnitIds).size)
      throw httpError(422, 'ORG_UNIT_NOT_FOUND', undefined, { orgUnitIds: 'validation.orgUnitNotFound' });
    const paper = await checkPaper(trx, input.paper);
    const row: Selectable<ExamTable> = {
      id,
      title: input.title,
      description: input.description,
      roles: JSON.stringify(input.roles),
      orgUnitIds: JSON.stringify(input.orgUnitIds),
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      timeLimitMinutes: input.timeLimitMinutes,
      passMark: input.passMark,
      maxAttempts: input.maxAttempts,
      countingRule: input.countingRule,
      review: input.review,
      showRanking: input.showRanking,
      paperMode: input.paper.mode,
      questionIds: JSON.stringify(paper.questionIds),
      drawRules: JSON.stringify(paper.rules),
      questionCount: paper.count,
      createdBy,
      createdAt: new Date().toISOString(),
      changeSeq: await nextChangeSeq(trx),
    };
    await trx.insertInto('exam').values(row).execute();
    return toExamSummary(row);
  });
}

export interface ExamListItem extends ExamSummary {
  participants: number;
  attempts: number;
}

export async function listExams(db: Db): Promise<ExamListItem[]> {
  const exams = await db.selectFrom('exam').selectAll().orderBy('opensAt', 'desc').limit(200).execute();
  const counts = await db
    .selectFrom('examAttempt')
    .select((eb) => ['examId', eb.fn.countAll<number>().as('attempts'), eb.fn.count<number>('userId').distinct().as('participants')])
    .groupBy('examId')
    .execute();
  const byExam = new Map(counts.map((c) => [c.examId, c]));
  return exams.map((e) => ({
    ...toExamSummary(e),
    attempts: Number(byExam.get(e.id)?.attempts ?? 0),
    participants: Number(byExam.get(e.id)?.participants ?? 0),
  }));
}

export async function requireExam(db: Db | Trx, id: string): Promise<Selectable<ExamTable>> {
  const exam = await db.selectFrom('exam').selectAll().where('id', '=', id).executeTakeFirst();
  if (!exam) throw httpError(404, 'EXAM_NOT_FOUND');
  return exam;
}

/** The exam pool as the admin's exam form needs it: questions to pick, and the tags to draw by with their counts. */
export async function examBank(db: Db) {
  const rows = await db
    .selectFrom('question')
    .select(['id', 'type', 'stem', 'tags', 'moduleId'])
    .where('pool', '=', 'exam')
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  const questions = rows.map((r) => ({ id: r.id, type: r.type, stem: r.stem, moduleId: r.moduleId, tags: JSON.parse(r.tags) as string[] }));
  const tags = new Map<string, Record<string, number>>();
  for (const q of questions) for (const tag of q.tags) tags.set(tag, { ...tags.get(tag), [q.type]: (tags.get(tag)?.[q.type] ?? 0) + 1 });
  return { questions, tags: [...tags].map(([tag, counts]) => ({ tag, counts })).sort((a, b) => a.tag.localeCompare(b.tag)) };
}
