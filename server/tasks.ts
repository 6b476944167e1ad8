import 'server-only';
import { uuidv7 } from 'uuidv7';
import type { CreateTaskInput } from '@/lib/validations/study';
import type { Role } from '@/lib/roles';
import type { StudyTaskRecord } from '@/lib/study/types';
import { nextChangeSeq } from './db/changes';
import { writeTransaction, type DbHandle } from './db/client';
import type { StudyTaskTable } from './db/schema';
import { httpError } from './http';

/** A task row as phones and the admin screen see it (audience lists are JSON text in the table). */
export function toTaskRecord(t: StudyTaskTable): StudyTaskRecord {
  return {
    id: t.id,
    weekStart: t.weekStart,
    lessonId: t.lessonId,
    moduleId: t.moduleId,
    roles: JSON.parse(t.roles) as Role[],
    orgUnitIds: JSON.parse(t.orgUnitIds) as string[],
    note: t.note,
    ...(t.deletedAt ? { deleted: true as const } : {}),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

async function checkTargets(trx: Parameters<Parameters<typeof writeTransaction>[1]>[0], input: CreateTaskInput): Promise<void> {
  if (input.lessonId && !(await trx.selectFrom('lesson').select('id').where('id', '=', input.lessonId).executeTakeFirst()))
    throw httpError(422, 'LESSON_NOT_FOUND', undefined, { lessonId: 'validation.lessonNotFound' });
  if (input.moduleId && !(await trx.selectFrom('module').select('id').where('id', '=', input.moduleId).executeTakeFirst()))
    throw httpError(422, 'MODULE_NOT_FOUND', undefined, { moduleId: 'validation.moduleNotFound' });
  const units = await trx.selectFrom('orgUnit').select('id').where('id', 'in', input.orgUnitIds).execute();
  if (units.length !== new Set(input.orgUnitIds).size)
    throw httpError(422, 'ORG_UNIT_NOT_FOUND', undefined, { orgUnitIds: 'validation.orgUnitNotFound' });
}

/**
 * Creates a weekly study task; phones receive it on their next pull. Submitting twice creates one task: the form's
 * id makes a repeated request return the task it made, and a task identical to a live one (same week, lesson or
 * module, roles and units) is not made again. `created` says which happened.
 */
export async function createTask(
  handle: DbHandle,
  input: CreateTaskInput,
  createdBy: string,
): Promise<{ task: StudyTaskRecord; created: boolean }> {
  return writeTransaction(handle, async (trx) => {
    if (input.id) {
      const same = await trx.selectFrom('studyTask').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (same) return { task: toTaskRecord(same), created: false };
    }
    await checkTargets(trx, input);
    const live = await trx
      .selectFrom('studyTask')
      .selectAll()
      .where('weekStart', '=', input.weekStart)
      .where('deletedAt', 'is', null)
      .where('lessonId', input.lessonId === null ? 'is' : '=', input.lessonId)
      .where('moduleId', input.moduleId === null ? 'is' : '=', input.moduleId)
      .execute();
    const twin = live.map(toTaskRecord).find((t) => sameSet(t.roles, input.roles) && sameSet(t.orgUnitIds, input.orgUnitIds));
    if (twin) return { task: twin, created: false };
    const id = input.id ?? uuidv7();
    await trx
      .insertInto('studyTask')
      .values({
        id,
        weekStart: input.weekStart,
        lessonId: input.lessonId,
        moduleId: input.moduleId,
        roles: JSON.stringify(input.roles),
        orgUnitIds: JSON.stringify(input.orgUnitIds),
        note: input.note,
        createdBy,
        createdAt: new Date().toISOString(),
        changeSeq: await nextChangeSeq(trx),
      })
      .execute();
    const task: StudyTaskRecord = {
      id,
      weekStart: input.weekStart,
      lessonId: input.lessonId,
      moduleId: input.moduleId,
      roles: input.roles,
      orgUnitIds: input.orgUnitIds,
      note: input.note,
    };
    return { task, created: true };
  });
}

/** Changes a task (its week, target, audience or note); phones get the new version on their next pull. */
export async function updateTask(handle: DbHandle, id: string, input: CreateTaskInput): Promise<StudyTaskRecord> {
  return writeTransaction(handle, async (trx) => {
    const row = await trx.selectFrom('studyTask').select('id').where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    if (!row) throw httpError(404, 'TASK_NOT_FOUND');
    await checkTargets(trx, input);
    await trx
      .updateTable('studyTask')
      .set({
        weekStart: input.weekStart,
        lessonId: input.lessonId,
        moduleId: input.moduleId,
        roles: JSON.stringify(input.roles),
        orgUnitIds: JSON.stringify(input.orgUnitIds),
        note: input.note,
        changeSeq: await nextChangeSeq(trx),
      })
      .where('id', '=', id)
      .execute();
    const { id: _formId, ...fields } = input;
    return { ...fields, id };
  });
}

/** Deletes a task: it stays as a tombstone so phones drop it on their next pull. */
export async function deleteTask(handle: DbHandle, id: string): Promise<void> {
  await writeTransaction(handle, async (trx) => {
    const row = await trx.selectFrom('studyTask').select('id').where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    if (!row) throw httpError(404, 'TASK_NOT_FOUND');
    await trx
      .updateTable('studyTask')
      .set({ deletedAt: new Date().toISOString(), changeSeq: await nextChangeSeq(trx) })
      .where('id', '=', id)
      .execute();
  });
}

export async function listTasks(handle: DbHandle, weekStart?: string) {
  let q = handle.db.selectFrom('studyTask').selectAll().where('deletedAt', 'is', null).orderBy('weekStart', 'desc').limit(100);
  if (weekStart) q = q.where('weekStart', '=', weekStart);
  return (await q.execute()).map(toTaskRecord);
}
