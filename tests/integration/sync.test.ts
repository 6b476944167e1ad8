import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedThesaurus } from '@/server/content';
import { dbKinds, login, startTestServer, type TestServer } from './support/server';

/** The write path, end to end over HTTP against the production server, on SQLite and on PostgreSQL. */
const LESSONS = ['xianfa-fundamental-law', 'xianfa-basic-rights', 'xianfa-rights-and-duties'];

function completionOps(count: number, firstSeq = 1) {
  return Array.from({ length: count }, (_, i) => ({
    id: uuidv7(),
    seq: firstSeq + i,
    type: 'study.read',
    payload: { lessonId: LESSONS[i % LESSONS.length], at: new Date().toISOString(), seconds: 30 },
    createdAt: new Date().toISOString(),
  }));
}

describe.each(dbKinds)('sync on %s', (kind) => {
  let server: TestServer;
  let cadre: string;
  let villager: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    cadre = await login(server.url, '13800000003');
    villager = await login(server.url, '13800000004');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const push = (cookie: string, body: unknown) =>
    fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  async function recordsFor(ids: string[]) {
    const events = await server.db.db.selectFrom('studyEvent').select('id').where('id', 'in', ids).execute();
    const receipts = await server.db.db.selectFrom('opReceipt').select('opId').where('opId', 'in', ids).execute();
    return { events: events.length, receipts: receipts.length };
  }

  it('applies a batch once when it is pushed twice in a row and three times', async () => {
    const body = { deviceId: uuidv7(), ops: completionOps(20) };
    const first = await (await push(cadre, body)).json();
    expect(first.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
    expect(first.highestSeq).toBe(20);
    for (let i = 0; i < 2; i++) {
      const again = await (await push(cadre, body)).json();
      expect(again.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(true);
    }
    expect(await recordsFor(body.ops.map((o) => o.id))).toEqual({ events: 20, receipts: 20 });
  });

  it('applies a batch once when the same batch is pushed twice concurrently', async () => {
    const body = { deviceId: uuidv7(), ops: completionOps(50) };
    const [a, b] = await Promise.all([push(cadre, body), push(cadre, body)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const results = [...(await a.json()).results, ...(await b.json()).results] as { id: string; status: string }[];
    for (const op of body.ops) {
      const statuses = results
        .filter((r) => r.id === op.id)
        .map((r) => r.status)
        .sort();
      expect(statuses).toEqual(['applied', 'duplicate']);
    }
    expect(await recordsFor(body.ops.map((o) => o.id))).toEqual({ events: 50, receipts: 50 });
  });

  it('rejects an op with an invalid payload with a reason and applies the rest of its batch', async () => {
    const ops = completionOps(3);
    ops[1] = { ...ops[1]!, payload: { lessonId: LESSONS[0], at: 'yesterday', seconds: -5 } };
    const unknownLesson = { ...completionOps(1, 4)[0]!, payload: { lessonId: 'no-such-lesson', at: new Date().toISOString(), seconds: 5 } };
    const res = await push(cadre, { deviceId: uuidv7(), ops: [...ops, unknownLesson] });
    const { results } = await res.json();
    expect(results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected', 'applied', 'rejected']);
    expect(results[1]).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(results[3]).toMatchObject({ code: 'LESSON_NOT_FOUND' });
    expect(await recordsFor(ops.map((o) => o.id))).toEqual({ events: 2, receipts: 2 });
  });

  it('applies ops that arrive with a gap in sequence exactly once', async () => {
    const deviceId = uuidv7();
    const ops = completionOps(5);
    const late = [ops[2]!, ops[3]!];
    const first = await (await push(cadre, { deviceId, ops: [ops[0], ops[1], ops[4]] })).json();
    expect(first.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const second = await (await push(cadre, { deviceId, ops: late })).json();
    expect(second.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    const all = await (await push(cadre, { deviceId, ops })).json();
    expect(all.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(true);
    expect(await recordsFor(ops.map((o) => o.id))).toEqual({ events: 5, receipts: 5 });
  });

  it("refuses another user's device with 403 and writes nothing", async () => {
    const deviceId = uuidv7();
    expect((await push(cadre, { deviceId, ops: completionOps(1) })).status).toBe(200);
    const theirs = completionOps(2);
    const res = await push(villager, { deviceId, ops: theirs });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'DEVICE_OF_OTHER_USER', error: expect.stringMatching(/another user/) });
    expect(await recordsFor(theirs.map((o) => o.id))).toEqual({ events: 0, receipts: 0 });
  });

  it('answers 413 to a 2 MB body, 400 to malformed JSON, 401 without a session, 422 to a bad shape', async () => {
    const big = await push(cadre, { deviceId: uuidv7(), ops: completionOps(1), padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect((await big.json()).error).toMatch(/too large/);
    const tooMany = await push(cadre, { deviceId: uuidv7(), ops: completionOps(501) });
    expect(tooMany.status).toBe(413);
    expect(await tooMany.json()).toMatchObject({ code: 'TOO_MANY_OPS', params: { max: 500 } });
    const malformed = await push(cadre, '{"deviceId": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'BAD_JSON' });
    expect((await push('', { deviceId: uuidv7(), ops: completionOps(1) })).status).toBe(401);
    const shape = await push(cadre, { deviceId: 'not-a-uuid', ops: [] });
    expect(shape.status).toBe(422);
    expect((await shape.json()).error).toMatch(/deviceId/);
  });

  it('refuses a cross-site push', async () => {
    const res = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cadre, 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
      body: JSON.stringify({ deviceId: uuidv7(), ops: completionOps(1) }),
    });
    expect(res.status).toBe(403);
  });

  it('pulls content and only its own progress by cursor, and an old cursor catches up in one pull', async () => {
    const pull = async (cookie: string, cursor: number) =>
      (await fetch(`${server.url}/api/sync/pull?cursor=${cursor}`, { headers: { Cookie: cookie } })).json();
    const all = await pull(villager, 0);
    // exactly what content/ ships: one module per folder with a module.json, one lesson per .md file in it
    const modulesDir = path.resolve('content/modules');
    const moduleDirs = readdirSync(modulesDir).filter((d) => existsSync(path.join(modulesDir, d, 'module.json')));
    const lessonFiles = moduleDirs.flatMap((d) => readdirSync(path.join(modulesDir, d)).filter((f) => f.endsWith('.md')));
    expect(all.modules.length).toBe(moduleDirs.length);
    expect(all.lessons.length).toBe(lessonFiles.length);
    expect(moduleDirs.length).toBeGreaterThan(0);
    // only the villager's own progress: the demo year may hold some, nobody else's comes along
    const own = async (phone: string) =>
      (
        await server.db.db
          .selectFrom('lessonProgress')
          .innerJoin('user', 'user.id', 'lessonProgress.userId')
          .select('lessonProgress.lessonId')
          .where('user.username', '=', phone)
          .execute()
      )
        .map((r) => r.lessonId)
        .sort();
    expect(all.progress.map((p: { lessonId: string }) => p.lessonId).sort()).toEqual(await own('13800000004'));
    // the search thesaurus comes with the content (content/thesaurus.tsv)
    expect(all.thesaurus.length).toBe(readShippedThesaurus(path.resolve('content')).length);
    expect(all.thesaurus).toContainEqual({ word: '彩礼', phrases: ['借婚姻索取财物'], theme: '婚姻家庭', removed: false });
    const later = await pull(villager, all.cursor);
    expect(later.lessons).toEqual([]);
    expect(later.thesaurus).toEqual([]);
    const mine = await pull(cadre, 0);
    const minePulled = mine.progress.map((p: { lessonId: string }) => p.lessonId).sort();
    expect(minePulled).toEqual(await own('13800000003'));
    expect(minePulled).toEqual(expect.arrayContaining([...LESSONS]));
    const bad = await fetch(`${server.url}/api/sync/pull?cursor=-1`, { headers: { Cookie: cadre } });
    expect(bad.status).toBe(422);
  });

  it('leaves nothing half-applied when the server is killed mid-batch, and the retry applies each op once', async () => {
    const body = { deviceId: uuidv7(), ops: completionOps(40) };
    server.kill();
    await server.exited();
    await server.start({ PUFA_TEST_CRASH_AFTER_OPS: '25' });
    await expect(push(cadre, body)).rejects.toThrow();
    await server.exited();
    expect(await recordsFor(body.ops.map((o) => o.id))).toEqual({ events: 0, receipts: 0 });
    await server.start();
    const retry = await (await push(cadre, body)).json();
    expect(retry.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
    expect(await recordsFor(body.ops.map((o) => o.id))).toEqual({ events: 40, receipts: 40 });
  });
});
