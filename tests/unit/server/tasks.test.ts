import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskSchema, type CreateTaskInput } from '@/lib/validations/study';
import { loadShippedContent } from '@/server/content';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { HttpError } from '@/server/http';
import { createOrgUnit } from '@/server/org';
import { pullChanges } from '@/server/sync/pull';
import { createTask, deleteTask, listTasks, updateTask } from '@/server/tasks';
import { createUser } from '@/server/users';

/** Weekly tasks on a real SQLite database: one task however often it is submitted, edits and deletions reach phones. */
let dataDir: string;
let handle: DbHandle;
let adminId: string;
let moduleIds: string[];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-tasks-'));
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
  await createOrgUnit(handle.db, { id: 'org-v01', parentId: 'org-town', name: '东山村', level: 'village' });
  await createOrgUnit(handle.db, { id: 'org-v02', parentId: 'org-town', name: '西沟村', level: 'village' });
  adminId = (
    await createUser(handle.db, {
      phone: '13900009001',
      name: '王主任',
      password: 'Pufa-demo-2026',
      role: 'admin',
      orgUnitId: 'org-town',
      legalLiterate: false,
      legalLiterateSince: null,
    })
  ).id;
  await loadShippedContent(handle, path.resolve(process.cwd(), 'content'));
  moduleIds = (await handle.db.selectFrom('module').select('id').orderBy('id').execute()).map((m) => m.id);
});

afterAll(async () => {
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const input = (over: Partial<CreateTaskInput> = {}): CreateTaskInput =>
  createTaskSchema.parse({ weekStart: '2026-03-02', moduleId: moduleIds[0], roles: ['cadre'], orgUnitIds: ['org-v01'], ...over });

describe('weekly tasks', () => {
  it('makes one task when the same form is submitted twice', async () => {
    const id = uuidv7();
    const first = await createTask(handle, input({ id }), adminId);
    const again = await createTask(handle, input({ id }), adminId);
    expect(first.created).toBe(true);
    expect(again).toEqual({ task: first.task, created: false });
    expect((await listTasks(handle, '2026-03-02')).filter((t) => t.id === id)).toHaveLength(1);
  });

  it('does not make a task identical to a live one, whatever the order of roles and units', async () => {
    const a = await createTask(
      handle,
      input({ weekStart: '2026-03-09', roles: ['cadre', 'villager'], orgUnitIds: ['org-v01', 'org-v02'] }),
      adminId,
    );
    const b = await createTask(
      handle,
      input({ id: uuidv7(), weekStart: '2026-03-09', roles: ['villager', 'cadre'], orgUnitIds: ['org-v02', 'org-v01'] }),
      adminId,
    );
    expect(b).toEqual({ task: a.task, created: false });
    const other = await createTask(handle, input({ weekStart: '2026-03-09', orgUnitIds: ['org-v02'] }), adminId);
    expect(other.created).toBe(true);
  });

  it('sends an edit and a deletion to phones on their next pull', async () => {
    const { task } = await createTask(handle, input({ weekStart: '2026-03-16' }), adminId);
    const cursor = (await pullChanges(handle, { id: adminId, role: 'admin' }, 0)).cursor;
    await updateTask(handle, task.id, input({ weekStart: '2026-03-16', moduleId: moduleIds[1], note: '周一例会前学完' }));
    const edited = await pullChanges(handle, { id: adminId, role: 'admin' }, cursor);
    expect(edited.tasks).toEqual([expect.objectContaining({ id: task.id, moduleId: moduleIds[1], note: '周一例会前学完' })]);

    await deleteTask(handle, task.id);
    const deleted = await pullChanges(handle, { id: adminId, role: 'admin' }, edited.cursor);
    expect(deleted.tasks).toEqual([expect.objectContaining({ id: task.id, deleted: true })]);
    expect((await listTasks(handle, '2026-03-16')).map((t) => t.id)).not.toContain(task.id);
    await expect(deleteTask(handle, task.id)).rejects.toMatchObject({ status: 404, code: 'TASK_NOT_FOUND' } satisfies Partial<HttpError>);
  });
});
