import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSULT_CONSENT_VERSION } from '@/lib/consult/types';
import { consultReport } from '@/server/consult-report';
import { anonymiseExpired } from '@/server/consult/retention';
import { saveConsultSettings } from '@/server/consult/settings';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { createOrgUnit } from '@/server/org';
import { pushOps } from '@/server/sync/push';
import { createUser } from '@/server/users';

/** The report's consultation figures from records made through the write path, on a real SQLite database. */
let dataDir: string;
let handle: DbHandle;
const ids: Record<string, string> = {};
let seq = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-consult-'));
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await createOrgUnit(handle.db, { id: 'town', parentId: null, name: '普法镇', level: 'township' });
  await createOrgUnit(handle.db, { id: 'v1', parentId: 'town', name: '东山村', level: 'village' });
  await createOrgUnit(handle.db, { id: 'v1-h1', parentId: 'v1', name: '张家沟', level: 'hamlet' });
  await createOrgUnit(handle.db, { id: 'v2', parentId: 'town', name: '西河村', level: 'village' });
  const base = { password: 'Pufa-demo-2026', orgUnitId: 'v1', legalLiterate: false, legalLiterateSince: null } as const;
  ids.villager = (await createUser(handle.db, { ...base, role: 'villager', phone: '13900002001', name: '张秀英' })).id;
  ids.lawyer = (await createUser(handle.db, { ...base, role: 'lawyer', phone: '13900002002', name: '陈律师' })).id;
  ids.helper = (
    await createUser(handle.db, {
      ...base,
      role: 'villager',
      phone: '13900002004',
      name: '马明白',
      legalLiterate: true,
      legalLiterateSince: '2024-03-01',
    })
  ).id;
  ids.admin = (await createUser(handle.db, { ...base, role: 'admin', phone: '13900002003', name: '周司法', orgUnitId: 'town' })).id;
});

afterAll(async () => {
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function push(user: string, type: string, payload: Record<string, unknown>, at: string) {
  const { results } = await pushOps(handle, ids[user]!, {
    deviceId: `device-${user}`,
    ops: [{ id: uuidv7(), seq: ++seq, type, payload: { at, ...payload }, createdAt: at }],
  });
  expect(results[0], JSON.stringify(results[0])).toMatchObject({ status: 'applied' });
}

const file = (id: string, fields: Record<string, unknown>, at: string) =>
  push(
    'villager',
    'consult.file',
    { id, channel: 'app', category: 'land', villageId: 'v1-h1', description: '宅基地', consentVersion: CONSULT_CONSENT_VERSION, ...fields },
    at,
  );

describe('consultation report figures', () => {
  it('counts by channel, category and village, resolved, within deadline, reply rate and satisfaction', async () => {
    const [a, b, c, d] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    await file(a, {}, '2026-03-02T02:00:00.000Z');
    await push('lawyer', 'consult.take', { consultationId: a }, '2026-03-02T03:00:00.000Z');
    await push('lawyer', 'consult.reply', { consultationId: a, messageId: uuidv7(), body: '答复' }, '2026-03-03T03:00:00.000Z');
    await push('lawyer', 'consult.resolve', { consultationId: a, messageId: uuidv7() }, '2026-03-03T04:00:00.000Z');
    await push('villager', 'consult.rate', { consultationId: a, rating: 'satisfied' }, '2026-03-04T04:00:00.000Z');
    await file(b, { category: 'wages', villageId: 'v2' }, '2026-03-05T02:00:00.000Z');
    await push(
      'admin',
      'consult.file',
      { id: c, channel: 'hotline12345', category: 'neighbours', villageId: 'v2', description: '12345' },
      '2026-03-06T02:00:00.000Z',
    );
    await push('admin', 'consult.assign', { consultationId: c, lawyerId: ids.lawyer }, '2026-03-06T03:00:00.000Z');
    await push(
      'lawyer',
      'consult.refer',
      { consultationId: c, messageId: uuidv7(), to: 'mediation', body: '' },
      '2026-03-06T04:00:00.000Z',
    );
    await push('lawyer', 'consult.resolve', { consultationId: c, messageId: uuidv7() }, '2026-03-06T05:00:00.000Z');
    await file(d, { category: 'loans' }, '2027-01-05T02:00:00.000Z'); // outside the period

    const figures = await consultReport(handle.db, 'town', '2026-01-01', '2027-01-01');
    expect(figures).toMatchObject({
      total: 3,
      resolved: 2,
      resolvedWithReply: 2,
      replyRate: 66.7,
      rated: 1,
      satisfaction: { satisfied: 1, neutral: 0, dissatisfied: 0 },
    });
    expect(figures!.byChannel).toMatchObject({ app: 2, hotline12345: 1, 'walk-in': 0 });
    expect(figures!.byCategory).toMatchObject({ land: 1, wages: 1, neighbours: 1, loans: 0 });
    expect(figures!.byVillage).toEqual([
      { id: 'v1', name: '东山村', count: 1 },
      { id: 'v2', name: '西河村', count: 2 },
    ]);
    // a's first reply came the day after it was filed, c's the same day: both within five working days
    expect(figures!.answeredWithinDeadline).toBe(2);
    expect((await consultReport(handle.db, 'v1', '2026-01-01', '2027-01-01'))!.total).toBe(1);
  });

  it('reopens a request rated dissatisfied, so it no longer counts as resolved', async () => {
    const e = uuidv7();
    await file(e, { category: 'torts' }, '2026-04-01T02:00:00.000Z');
    await push('admin', 'consult.assign', { consultationId: e, lawyerId: ids.lawyer }, '2026-04-01T03:00:00.000Z');
    await push('lawyer', 'consult.reply', { consultationId: e, messageId: uuidv7(), body: '答复' }, '2026-04-20T03:00:00.000Z');
    await push('lawyer', 'consult.resolve', { consultationId: e, messageId: uuidv7() }, '2026-04-20T04:00:00.000Z');
    const before = (await consultReport(handle.db, 'town', '2026-04-01', '2026-05-01'))!;
    expect(before).toMatchObject({ total: 1, resolved: 1, answeredWithinDeadline: 0 });
    await push('villager', 'consult.rate', { consultationId: e, rating: 'dissatisfied' }, '2026-04-21T04:00:00.000Z');
    const after = (await consultReport(handle.db, 'town', '2026-04-01', '2026-05-01'))!;
    expect(after).toMatchObject({ total: 1, resolved: 0, satisfaction: { dissatisfied: 1 } });
    const row = await handle.db.selectFrom('consultation').select('status').where('id', '=', e).executeTakeFirstOrThrow();
    expect(row.status).toBe('reopened');
  });

  it('leaves every figure unchanged when old requests are anonymised', async () => {
    const before = await consultReport(handle.db, 'town', '2026-01-01', '2028-01-01');
    await saveConsultSettings(handle.db, { retentionMonths: 6, deadlineWorkingDays: 5 }, ids.admin!);
    const count = await anonymiseExpired(handle, { id: ids.admin!, role: 'admin' }, new Date('2027-03-01T00:00:00.000Z'));
    expect(count).toBe(4);
    expect(await consultReport(handle.db, 'town', '2026-01-01', '2028-01-01')).toEqual(before);
    const rows = await handle.db
      .selectFrom('consultation')
      .select(['description', 'anonymisedAt'])
      .where('filedAt', '<', '2026-09-01')
      .execute();
    expect(rows.every((r) => r.description === '' && r.anonymisedAt)).toBe(true);
  });
});

describe('filing for a neighbour', () => {
  const forNeighbour = (id: string) => ({
    id,
    channel: 'app',
    category: 'wages',
    villageId: 'v1',
    description: '工钱被拖欠',
    forOther: true,
    requesterName: '马福贵',
    consentVersion: CONSULT_CONSENT_VERSION,
    at: '2026-05-01T02:00:00.000Z',
  });

  it('lets a 法律明白人 file for a neighbour without an account, recording who filed it', async () => {
    const id = uuidv7();
    await push('helper', 'consult.file', forNeighbour(id), '2026-05-01T02:00:00.000Z');
    const row = await handle.db.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ requesterId: null, requesterName: '马福贵', filedBy: ids.helper, contactPhone: '' });
    expect(Boolean(row.forOther)).toBe(true);
  });

  it('refuses it from a villager who is not a 法律明白人', async () => {
    const { results } = await pushOps(handle, ids.villager!, {
      deviceId: 'device-villager',
      ops: [{ id: uuidv7(), seq: ++seq, type: 'consult.file', payload: forNeighbour(uuidv7()), createdAt: '2026-05-01T02:00:00.000Z' }],
    });
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('法律明白人') });
  });
});
