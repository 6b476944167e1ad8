import 'server-only';
import { sql } from 'kysely';
import type { DrawRule } from '@/lib/quiz/types';
import { EXAM_FIELDS_AFTER_OPEN, type ExamEdit } from '@/lib/validations/admin';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type Db, type DbHandle } from '../db/client';
import { httpError } from '../http';
import { checkPaper, toExamSummary } from '../quiz/exams';

/**
 * Managing a formal exam after it was created: edit it freely before it opens, then only its window and audience;
 * close it early; list who in its audience has not taken it. Every change takes a new change sequence, so phones
 * see the new window or audience on their next pull.
 */
export async function editExam(handle: DbHandle, id: string, edit: ExamEdit, now = new Date()) {
  return writeTransaction(handle, async (trx) => {
    const row = await trx.selectFrom('exam').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw httpError(404, 'EXAM_NOT_FOUND');
    const opened = new Date(row.opensAt) <= now;
    const fields = Object.keys(edit) as (keyof ExamEdit)[];
    const locked = fields.filter((f) => !(EXAM_FIELDS_AFTER_OPEN as readonly string[]).includes(f));
    if (opened && locked.length > 0) throw httpError(409, 'EXAM_OPENED', { fields: locked.join(', ') });
    const opensAt = edit.opensAt ?? row.opensAt;
    const closesAt = edit.closesAt ?? row.closesAt;
    if (closesAt <= opensAt) throw httpError(422, 'INVALID', undefined, { closesAt: 'validation.closesAfterOpens' });
    if (edit.orgUnitIds) {
      const units = await trx.selectFrom('orgUnit').select('id').where('id', 'in', edit.orgUnitIds).execute();
      if (units.length !== new Set(edit.orgUnitIds).size)
        throw httpError(422, 'ORG_UNIT_NOT_FOUND', undefined, { orgUnitIds: 'validation.orgUnitNotFound' });
    }
    const paper = edit.paper ? await checkPaper(trx, edit.paper) : undefined;
    const { paper: _paper, roles, orgUnitIds, ...plain } = edit;
    await trx
      .updateTable('exam')
      .set({
        ...plain,
        opensAt,
        closesAt,
        ...(roles ? { roles: JSON.stringify(roles) } : {}),
        ...(orgUnitIds ? { orgUnitIds: JSON.stringify(orgUnitIds) } : {}),
        ...(paper && edit.paper
          ? {
              paperMode: edit.paper.mode,
              questionIds: JSON.stringify(paper.questionIds),
              drawRules: JSON.stringify(paper.rules),
              questionCount: paper.count,
            }
          : {}),
        changeSeq: await nextChangeSeq(trx),
      })
      .where('id', '=', id)
      .execute();
    return toExamSummary(await trx.selectFrom('exam').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

/**
 * An exam as its edit form needs it: the summary, the paper it was set with, and whether it has opened (after which
 * only the window and audience may change).
 */
export async function examForEdit(db: Db, id: string, now = new Date()) {
  const row = await db.selectFrom('exam').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw httpError(404, 'EXAM_NOT_FOUND');
  const paper =
    row.paperMode === 'fixed'
      ? { mode: 'fixed' as const, questionIds: JSON.parse(row.questionIds) as string[] }
      : { mode: 'random' as const, rules: JSON.parse(row.drawRules) as DrawRule[] };
  return { exam: { ...toExamSummary(row), paper }, opened: new Date(row.opensAt) <= now };
}

/** Ends an open exam now: phones stop offering it; attempts already submitted still count. */
export async function closeExamEarly(handle: DbHandle, id: string, now = new Date()) {
  return writeTransaction(handle, async (trx) => {
    const row = await trx.selectFrom('exam').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw httpError(404, 'EXAM_NOT_FOUND');
    if (new Date(row.closesAt) <= now) throw httpError(409, 'EXAM_CLOSED');
    const at = now.toISOString();
    await trx
      .updateTable('exam')
      .set({ closesAt: at, ...(row.opensAt > at ? { opensAt: at } : {}), changeSeq: await nextChangeSeq(trx) })
      .where('id', '=', id)
      .execute();
    return toExamSummary(await trx.selectFrom('exam').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Active people in the exam's audience (role and org unit) with no submitted attempt. */
export async function notTaken(db: Db, id: string) {
  const row = await db.selectFrom('exam').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw httpError(404, 'EXAM_NOT_FOUND');
  const exam = toExamSummary(row);
  return db
    .selectFrom('user')
    .innerJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
    .select(['user.id', 'user.name', 'user.username as phone', 'orgUnit.name as orgUnitName'])
    .where('user.role', 'in', exam.roles)
    .where((eb) => eb.or([eb('user.banned', 'is', null), eb('user.banned', '=', false)]))
    .where((eb) => eb.or(exam.orgUnitIds.map((unit) => eb('orgUnit.path', 'like', `%/${unit}/%`))))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('examAttempt')
            .select(sql`1`.as('one'))
            .whereRef('examAttempt.userId', '=', 'user.id')
            .where('examAttempt.examId', '=', id),
        ),
      ),
    )
    .orderBy('orgUnit.path')
    .orderBy('user.username')
    .limit(2000)
    .execute();
}
