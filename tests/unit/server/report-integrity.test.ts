import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpResult } from '@/lib/validations/sync';
import { loadShippedContent } from '@/server/content';
import type { DbHandle } from '@/server/db/client';
import { createOrgUnit } from '@/server/org';
import { reportFigures } from '@/server/report';
import { pushOps } from '@/server/sync/push';
import { createUser } from '@/server/users';
import { freshTestDb, testDbKinds, type TestDb } from '../../support/test-db';

/**
 * Report figures a user cannot inflate, on SQLite and PostgreSQL: reading time is credited for no more time than
 * passed (per person, across phones), and ops dated before the account existed or over a day ahead are refused.
 */
describe.each(testDbKinds)('report figures on %s', (kind) => {
  let test: TestDb;
  let handle: DbHandle;
  let lessons: string[];
  let phone = 100;

  beforeAll(async () => {
    test = await freshTestDb(kind);
    handle = test.handle;
    await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
    await createOrgUnit(handle.db, { id: 'org-v01', parentId: 'org-town', name: '东山村', level: 'village' });
    await loadShippedContent(handle, path.resolve(process.cwd(), 'content'));
    lessons = (await handle.db.selectFrom('lesson').select('id').orderBy('id').limit(5).execute()).map((l) => l.id);
  });
  afterAll(async () => {
    await test?.drop();
  });

  const newUser = async () =>
    (
      await createUser(handle.db, {
        phone: `13900002${phone++}`,
        name: '马玉兰',
        password: 'Pufa-demo-2026',
        role: 'villager',
        orgUnitId: 'org-v01',
        legalLiterate: false,
        legalLiterateSince: null,
      })
    ).id;
  const op = (seq: number, type: string, payload: unknown) => ({
    id: randomUUID(),
    seq,
    type,
    payload,
    createdAt: new Date().toISOString(),
  });
  const read = (seq: number, lessonId: string, at: Date, seconds: number) =>
    op(seq, 'study.read', { lessonId, at: at.toISOString(), seconds });
  const secondsOf = async (userId: string) => {
    const rows = await handle.db.selectFrom('lessonProgress').select('secondsSpent').where('userId', '=', userId).execute();
    return rows.reduce((n, r) => n + Number(r.secondsSpent), 0);
  };
  const townHours = async () => {
    const from = new Date(Date.now() - 86400_000).toISOString();
    const to = new Date(Date.now() + 2 * 86400_000).toISOString();
    return (await reportFigures(handle.db, 'org-town', from, to))!.studyHours;
  };

  it('credits one push of 500 hour-long reads at most the time that passed', async () => {
    const userId = await newUser();
    const before = await townHours();
    const end = new Date(Date.now() + 60_000);
    // 500 reads of an hour each, all ending within 500 seconds: at most 500 s + the first hour really passed.
    const ops = Array.from({ length: 500 }, (_, i) => read(i + 1, lessons[i % lessons.length]!, new Date(end.getTime() + i * 1000), 3600));
    const response = await pushOps(handle, userId, { deviceId: randomUUID(), ops });
    expect(response.results.every((r) => r.status === 'applied')).toBe(true);
    expect(await secondsOf(userId)).toBe(3600 + 499);
    expect((await townHours()) - before).toBeLessThanOrEqual(1.2);
  });

  it('never credits the same moment twice when the reads come from many phones', async () => {
    const userId = await newUser();
    const at = new Date(Date.now() + 30_000);
    for (let i = 0; i < 20; i++) await pushOps(handle, userId, { deviceId: randomUUID(), ops: [read(1, lessons[i % 5]!, at, 3600)] });
    expect(await secondsOf(userId)).toBe(3600);
  });

  it('never credits the same moment twice when many phones push at once (two app servers on PostgreSQL)', async () => {
    const userId = await newUser();
    const at = new Date(Date.now() + 45_000);
    const second = kind === 'postgres' ? test.open() : handle;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pushOps(i % 2 ? second : handle, userId, { deviceId: randomUUID(), ops: [read(1, lessons[i % 5]!, at, 3600)] }),
      ),
    );
    expect(await secondsOf(userId)).toBe(3600);
  });

  it('credits honest reading in full: a read every minute of the minute before it', async () => {
    const userId = await newUser();
    const start = Date.now(); // the account is new: its reading lies ahead (less than a day)
    const ops = Array.from({ length: 30 }, (_, i) => read(i + 1, lessons[0]!, new Date(start + (i + 1) * 60_000), 60));
    await pushOps(handle, userId, { deviceId: randomUUID(), ops });
    // and a second phone that read at another time
    await pushOps(handle, userId, { deviceId: randomUUID(), ops: [read(1, lessons[1]!, new Date(start + 40 * 60_000), 300)] });
    expect(await secondsOf(userId)).toBe(30 * 60 + 300);
  });

  it('cuts a read to the time since the reading credited before it', async () => {
    const userId = await newUser();
    const t = Date.now();
    await pushOps(handle, userId, {
      deviceId: randomUUID(),
      ops: [read(1, lessons[0]!, new Date(t), 600), read(2, lessons[1]!, new Date(t + 120_000), 600)],
    });
    expect(await secondsOf(userId)).toBe(600 + 120);
  });

  const cases: { name: string; type: string; payload: (lessonId: string) => unknown; reason: RegExp }[] = [
    {
      name: 'a completion in the year 0001',
      type: 'study.complete',
      payload: (lessonId) => ({ lessonId, at: '0001-01-01T00:00:00Z' }),
      reason: /before this account was created/,
    },
    {
      name: 'a completion in the year 2099',
      type: 'study.complete',
      payload: (lessonId) => ({ lessonId, at: '2099-01-01T00:00:00Z' }),
      reason: /more than a day ahead/,
    },
    {
      name: 'an open in 2099',
      type: 'study.open',
      payload: (lessonId) => ({ lessonId, at: '2099-06-01T08:00:00+08:00' }),
      reason: /more than a day ahead/,
    },
    {
      name: 'a read from a year ago',
      type: 'study.read',
      payload: (lessonId) => ({ lessonId, at: new Date(Date.now() - 365 * 86400_000).toISOString(), seconds: 60 }),
      reason: /before this account was created/,
    },
    {
      name: 'a practice answer in 2099',
      type: 'quiz.answer',
      payload: () => ({ questionId: 'caoyuan-anquan-001', response: [0], mode: 'practice', at: '2099-01-01T00:00:00Z' }),
      reason: /more than a day ahead/,
    },
    {
      name: 'an exam started in the year 0001',
      type: 'exam.submit',
      payload: () => ({
        attemptId: randomUUID(),
        examId: 'no-exam',
        paperId: randomUUID(),
        startedAt: '0001-01-01T00:00:00Z',
        submittedAt: new Date().toISOString(),
        answers: {},
      }),
      reason: /startedAt .*before this account was created/,
    },
    {
      name: 'an exam submitted two days ahead',
      type: 'exam.submit',
      payload: () => ({
        attemptId: randomUUID(),
        examId: 'no-exam',
        paperId: randomUUID(),
        startedAt: new Date().toISOString(),
        submittedAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
        answers: {},
      }),
      reason: /submittedAt .*more than a day ahead/,
    },
  ];
  it.each(cases)('refuses $name with a reason and counts nothing', async ({ type, payload, reason }) => {
    const userId = await newUser();
    const sent = op(1, type, payload(lessons[2]!));
    const response = await pushOps(handle, userId, { deviceId: randomUUID(), ops: [sent] });
    expect(response.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) } satisfies Partial<OpResult>);
    expect(await handle.db.selectFrom('opReceipt').select('opId').where('opId', '=', sent.id).execute()).toEqual([]);
    expect(await handle.db.selectFrom('lessonProgress').select('lessonId').where('userId', '=', userId).execute()).toEqual([]);
  });

  it('accepts a time a few hours ahead (a phone whose clock runs fast)', async () => {
    const userId = await newUser();
    const sent = op(1, 'study.complete', { lessonId: lessons[3], at: new Date(Date.now() + 5 * 3600_000).toISOString() });
    const response = await pushOps(handle, userId, { deviceId: randomUUID(), ops: [sent] });
    expect(response.results[0]).toEqual({ id: sent.id, status: 'applied' });
  });
});
