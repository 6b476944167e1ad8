import 'server-only';
import { uuidv7 } from 'uuidv7';
import type { CreateTaskInput } from '@/lib/validations/study';
import type { Role } from '@/lib/roles';
import type { StudyTaskRecord } from '@/lib/study/types';
import { nextChangeSeq } from './db/changes';
import { writeTransaction, type DbHandle } from './db/client';
import type { StudyTaskTable } from './db/schema';
import { HttpError } from './http';

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
  };
}

/** Creates a weekly study task; phones receive it on their next pull. */
export async function createTask(handle: DbHandle, input: CreateTaskInput, createdBy: string): Promise<StudyTaskRecord> {
  return writeTransaction(handle, async (trx) => {
    if (input.lessonId && !(await trx.selectFrom('lesson').select('id').where('id', '=', input.lessonId).executeTakeFirst()))
      throw new HttpError(422, 'lessonId: 课程不存在 / lesson not found', { lessonId: '课程不存在 / lesson not found' });
    if (input.moduleId && !(await trx.selectFrom('module').select('id').where('id', '=', input.moduleId).executeTakeFirst()))
      throw new HttpError(422, 'moduleId: 专题不存在 / module not found', { moduleId: '专题不存在 / module not found' });
    const units = await trx.selectFrom('orgUnit').select('id').where('id', 'in', input.orgUnitIds).execute();
    if (units.length !== new Set(input.orgUnitIds).size)
      throw new HttpError(422, 'orgUnitIds: 有单位不存在 / an org unit was not found', { orgUnitIds: 'org unit not found' });
    const id = uuidv7();
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
    return {
      id,
      weekStart: input.weekStart,
      lessonId: input.lessonId,
      moduleId: input.moduleId,
      roles: input.roles,
      orgUnitIds: input.orgUnitIds,
      note: input.note,
    };
  });
}

export async function listTasks(handle: DbHandle, weekStart?: string) {
  let q = handle.db.selectFrom('studyTask').selectAll().orderBy('weekStart', 'desc').limit(100);
  if (weekStart) q = q.where('weekStart', '=', weekStart);
  return (await q.execute()).map(toTaskRecord);
}
