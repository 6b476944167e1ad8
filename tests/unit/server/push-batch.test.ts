import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedContent } from '@/server/content';
import { nextChangeSeq } from '@/server/db/changes';
import { openDatabase, writeTransaction, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { createOrgUnit } from '@/server/org';
import { studyOps } from '@/server/study';
import { pushOps } from '@/server/sync/push';
import { OpRejected } from '@/server/sync/registry';
import { createUser } from '@/server/users';

/**
 * The batch path of the study ops (a few statements per batch) leaves exactly the rows the per-op handlers leave,
 * rejects the same ops with the same reasons (unknown lesson, a time before the account or over a day ahead), credits
 * reading only for time that passed, and gives a rejected op's receipt back.
 */
let dataDir: string;
let handle: DbHandle;
let batchUser: string;
let perOpUser: string;
let lessons: string[];
const accountCreatedAt = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-batch-'));
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
  const base = {
    password: 'Pufa-demo-2026',
    role: 'villager',
    orgUnitId: 'org-town',
    legalLiterate: false,
    legalLiterateSince: null,
  } as const;
  batchUser = (await createUser(handle.db, { ...base, phone: '13900001301', name: '马秀兰' })).id;
  perOpUser = (await createUser(handle.db, { ...base, phone: '13900001302', name: '马玉梅' })).id;
  // Both accounts exist since the start of the year, so the scenario's March times lie in their lifetime.
  await handle.db.updateTable('user').set({ createdAt: accountCreatedAt }).where('id', 'in', [batchUser, perOpUser]).execute();
  await loadShippedContent(handle, path.resolve(process.cwd(), 'content'));
  lessons = (await handle.db.selectFrom('lesson').select('id').orderBy('id').limit(3).execute()).map((l) => l.id);
});

afterAll(async () => {
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Spec = { type: 'study.open' | 'study.read' | 'study.complete'; lesson: number | 'missing'; at: string; seconds?: number };
const day = (d: number, h = 1) => `2026-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;
const scenario: Spec[] = [
  { type: 'study.open', lesson: 0, at: day(5) },
  { type: 'study.read', lesson: 0, at: day(5, 2), seconds: 120 },
  { type: 'study.complete', lesson: 0, at: day(6) },
  { type: 'study.open', lesson: 0, at: day(3) }, // earlier open pushed late
  { type: 'study.complete', lesson: 0, at: day(4) }, // earlier completion pushed late
  { type: 'study.read', lesson: 1, at: day(7), seconds: 30 },
  { type: 'study.read', lesson: 1, at: '2026-03-07T01:00:10.000Z', seconds: 60 }, // overlaps the read before: 10 s
  { type: 'study.read', lesson: 2, at: '2026-03-07T00:59:55.000Z', seconds: 20 }, // ends in credited time: 0 s
  { type: 'study.read', lesson: 'missing', at: day(7), seconds: 30 },
  { type: 'study.read', lesson: 1, at: day(8), seconds: 45 },
  { type: 'study.open', lesson: 0, at: '2025-12-31T00:00:00.000Z' }, // before the account existed
  { type: 'study.complete', lesson: 2, at: new Date(Date.now() + 2 * 86400_000).toISOString() }, // over a day ahead
  { type: 'study.open', lesson: 2, at: day(9) },
];

const payload = (s: Spec) => {
  const lessonId = s.lesson === 'missing' ? '00000000-0000-7000-8000-000000000000' : lessons[s.lesson]!;
  return s.type === 'study.read' ? { lessonId, at: s.at, seconds: s.seconds } : { lessonId, at: s.at };
};

async function rows(userId: string) {
  const progress = await handle.db
    .selectFrom('lessonProgress')
    .select(['lessonId', 'openedAt', 'completedAt', 'secondsSpent'])
    .where('userId', '=', userId)
    .orderBy('lessonId')
    .execute();
  const events = await handle.db
    .selectFrom('studyEvent')
    .select(['lessonId', 'kind', 'seconds', 'occurredAt'])
    .where('userId', '=', userId)
    .orderBy('occurredAt')
    .orderBy('kind')
    .execute();
  return { progress, events };
}

describe('study ops in a batch', () => {
  it('leave the same rows and rejections as the per-op handlers', async () => {
    const deviceId = uuidv7();
    const ops = scenario.map((s, i) => ({ id: uuidv7(), seq: i + 1, type: s.type, payload: payload(s), createdAt: day(10) }));
    const response = await pushOps(handle, batchUser, { deviceId, ops });

    const perOpReasons: (string | null)[] = [];
    await writeTransaction(handle, async (trx) => {
      const changeSeq = await nextChangeSeq(trx);
      for (const s of scenario) {
        const ctx = {
          trx,
          dbKind: handle.kind,
          userId: perOpUser,
          deviceId: uuidv7(),
          opId: uuidv7(),
          changeSeq,
          now: new Date().toISOString(),
          accountCreatedAt,
        };
        try {
          await (studyOps[s.type] as (c: typeof ctx, p: unknown) => Promise<void>)(ctx, payload(s));
          perOpReasons.push(null);
        } catch (error) {
          if (!(error instanceof OpRejected)) throw error;
          perOpReasons.push(error.code);
        }
      }
    });

    expect(response.results.map((r) => (r.status === 'rejected' ? r.code : null))).toEqual(perOpReasons);
    expect(perOpReasons.filter(Boolean)).toEqual(['LESSON_NOT_FOUND', 'CLOCK_BEFORE_ACCOUNT', 'CLOCK_AHEAD']);
    expect(await rows(batchUser)).toEqual(await rows(perOpUser));
    const { progress } = await rows(batchUser);
    expect(progress.find((p) => p.lessonId === lessons[0])).toMatchObject({ openedAt: day(3), completedAt: day(4), secondsSpent: 120 });
    // Reading time only for time that passed: 30 s, then 10 s of a 60 s read that overlaps it, then 45 s.
    expect(progress.find((p) => p.lessonId === lessons[1])).toMatchObject({ secondsSpent: 85 });
    expect(progress.find((p) => p.lessonId === lessons[2])).toMatchObject({ secondsSpent: 0, completedAt: null });
  });

  it('gives back the receipt of a rejected op, so the same op can apply once it is valid', async () => {
    const deviceId = uuidv7();
    const id = uuidv7();
    const missing = '00000000-0000-7000-8000-000000000000';
    const first = await pushOps(handle, batchUser, {
      deviceId,
      ops: [{ id, seq: 1, type: 'study.open', payload: { lessonId: missing, at: day(11) }, createdAt: day(11) }],
    });
    expect(first.results[0]?.status).toBe('rejected');
    expect(await handle.db.selectFrom('opReceipt').select('opId').where('opId', '=', id).execute()).toEqual([]);
    const second = await pushOps(handle, batchUser, {
      deviceId,
      ops: [{ id, seq: 1, type: 'study.open', payload: { lessonId: lessons[2]!, at: day(11) }, createdAt: day(11) }],
    });
    expect(second.results[0]?.status).toBe('applied');
  });
});
