import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/server/db/client';
import { freshTestDb, type TestDb } from '../../support/test-db';
import { personMaker, seedTestTownship } from '../../support/township';
import { HttpError } from '@/server/http';
import { pushOps } from '@/server/sync/push';

/**
 * Edges of the write path that the scenario tables in push.test.ts leave open, found by mutation testing: the
 * order copies of one op are taken in, a copy refused by its handler followed by a good copy in the same batch, the
 * exact reasons given, and the device refusal's message.
 */
let test: TestDb;
let handle: DbHandle;
let lessons: string[];
let newUser: () => Promise<string>;

beforeAll(async () => {
  test = await freshTestDb('sqlite');
  handle = test.handle;
  await seedTestTownship(handle);
  const person = personMaker(handle, '13900014', '马秀兰');
  newUser = async () => (await person()).id;
  lessons = (await handle.db.selectFrom('lesson').select('id').orderBy('id').limit(5).execute()).map((l) => l.id);
});
afterAll(async () => {
  await test?.drop();
});

const now = () => new Date().toISOString();
const open = (id: string, seq: number, lessonId: string, at = now()) => ({
  id,
  seq,
  type: 'study.open',
  payload: { lessonId, at },
  createdAt: at,
});
const receipts = (id: string) => handle.db.selectFrom('opReceipt').select(['opId', 'seq']).where('opId', '=', id).execute();

describe('pushOps at its edges', () => {
  it('takes the copies of one op in seq order, whatever order the batch lists them in', async () => {
    const user = await newUser();
    const id = randomUUID();
    const { results, highestSeq } = await pushOps(handle, user, {
      deviceId: randomUUID(),
      ops: [open(id, 2, lessons[0]!), open(id, 1, lessons[0]!)],
    });
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'applied']);
    expect(highestSeq).toBe(2);
    expect(await receipts(id)).toEqual([{ opId: id, seq: 1 }]);
  });

  it('applies a good copy after a copy its handler refused in the same batch, once', async () => {
    const user = await newUser();
    const id = randomUUID();
    const later = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const { results } = await pushOps(handle, user, {
      deviceId: randomUUID(),
      ops: [open(id, 1, lessons[1]!, later), open(id, 2, lessons[1]!)],
    });
    expect(results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(results[0]).toMatchObject({ code: 'CLOCK_AHEAD', reason: expect.stringContaining('比服务器时间晚一天以上') });
    expect(await receipts(id)).toHaveLength(1); // claimed by the first copy, kept for the one applied
    const events = await handle.db.selectFrom('studyEvent').select(['kind', 'lessonId']).where('id', '=', id).execute();
    expect(events).toEqual([{ kind: 'open', lessonId: lessons[1]! }]);
  });

  it('names every invalid field of a payload by its dotted path', async () => {
    const user = await newUser();
    const { results } = await pushOps(handle, user, {
      deviceId: randomUUID(),
      ops: [
        {
          id: randomUUID(),
          seq: 1,
          type: 'activity.checkIn',
          payload: { id: 'not-a-uuid', activityId: randomUUID(), person: { kind: 'self', code: '' }, method: 'scan', at: now() },
          createdAt: now(),
        },
      ],
    });
    expect(results[0]!.status).toBe('rejected');
    expect(results[0]).toMatchObject({ code: 'INVALID_PAYLOAD', params: { fields: 'id, person.code' } });
  });

  it('tells the person why a device registered to someone else is refused', async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const deviceId = randomUUID();
    await pushOps(handle, owner, { deviceId, ops: [open(randomUUID(), 1, lessons[2]!)] });
    const error = await pushOps(handle, other, { deviceId, ops: [open(randomUUID(), 1, lessons[2]!)] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 403, code: 'DEVICE_OF_OTHER_USER' });
  });
});
