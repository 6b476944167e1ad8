import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadShippedContent } from '@/server/content';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { createOrgUnit } from '@/server/org';
import { createUser } from '@/server/users';

/**
 * The fault-injection hook the crash test (tests/integration/sync.test.ts, npm run test:faults) relies on:
 * with PUFA_TEST_CRASH_AFTER_OPS=N the server kills itself with SIGKILL as the N-th op of a push is applied, counting
 * applied ops only (not refused ones or duplicates). Here the kill is caught, so the push goes on.
 */
let dataDir: string;
let handle: DbHandle;
let lessonId: string;
let userId: string;
let pushOps: typeof import('@/server/sync/push').pushOps;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-push-crash-'));
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
  await loadShippedContent(handle, path.resolve(process.cwd(), 'content'));
  lessonId = (await handle.db.selectFrom('lesson').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  userId = (
    await createUser(handle.db, {
      password: 'Pufa-demo-2026',
      role: 'villager',
      orgUnitId: 'org-town',
      legalLiterate: false,
      legalLiterateSince: null,
      phone: '13900001601',
      name: '马金花',
    })
  ).id;
  vi.stubEnv('PUFA_TEST_CRASH_AFTER_OPS', '3');
  vi.resetModules();
  ({ pushOps } = await import('@/server/sync/push'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const open = (id: string, seq: number, lesson = lessonId) => {
  const at = new Date().toISOString();
  return { id, seq, type: 'study.open', payload: { lessonId: lesson, at }, createdAt: at };
};

describe('PUFA_TEST_CRASH_AFTER_OPS', () => {
  it('kills the server as the third applied op of a push lands, not counting refused ops or duplicates', async () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const deviceId = randomUUID();
    const first = randomUUID();
    await pushOps(handle, userId, { deviceId, ops: [open(first, 1)] });
    const missing = '00000000-0000-7000-8000-000000000000';
    const [b, c] = [randomUUID(), randomUUID()];
    // One applied before, now a duplicate of it, a refused op and two applied: three applied in all, two in this push.
    const second = await pushOps(handle, userId, {
      deviceId,
      ops: [open(first, 1), open(randomUUID(), 2, missing), open(b, 3), open(c, 4)],
    });
    expect(second.results.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'applied', 'applied']);
    expect(kill).not.toHaveBeenCalled();

    const third = await pushOps(handle, userId, { deviceId, ops: [open(randomUUID(), 5), open(randomUUID(), 6), open(randomUUID(), 7)] });
    expect(third.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(kill).toHaveBeenCalledTimes(1);
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGKILL');
  });
});
