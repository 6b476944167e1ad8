import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpResult } from '@/lib/validations/sync';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { createOrgUnit } from '@/server/org';
import { pushOps } from '@/server/sync/push';
import { createUser } from '@/server/users';

/**
 * Check-ins (activity.checkIn) in process, on a small township of four people: the window (an hour before the start to two hours
 * after the end, both ends included), whose code, who may check others in, and what a check-in row records.
 */
let dir: string;
let handle: DbHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pufa-checkin-'));
  handle = openDatabase({ dataDir: dir });
  await migrate(handle);
  await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
  await createOrgUnit(handle.db, { id: 'org-v01', parentId: 'org-town', name: '东山村', level: 'village' });
  await createOrgUnit(handle.db, { id: 'org-v02', parentId: 'org-town', name: '西川村', level: 'village' });
  let n = 10;
  for (const [key, role, name] of [
    ['admin', 'admin', '周司法'],
    ['host', 'publicist', '李宣传'],
    ['cadre', 'cadre', '王建国'],
    ['villager', 'villager', '张秀英'],
  ] as const) {
    const u = await createUser(handle.db, {
      phone: `139000070${n++}`,
      name,
      password: 'Pufa-demo-2026',
      role,
      orgUnitId: key === 'admin' ? 'org-town' : 'org-v01',
      legalLiterate: false,
      legalLiterateSince: null,
    });
    ids[key] = u.id;
  }
});
afterAll(async () => {
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

const admin = () => ids.admin!;
const host = () => ids.host!;
const cadre = () => ids.cadre!;
const villager = () => ids.villager!;

async function push(userId: string, type: string, payload: unknown): Promise<OpResult> {
  const { results } = await pushOps(handle, userId, {
    deviceId: uuidv7(),
    ops: [{ id: uuidv7(), seq: 1, type, payload, createdAt: new Date().toISOString() }],
  });
  return results[0]!;
}

/** A lecture on 2 April 2026, 01:00–03:00 UTC: check-in opens 00:00 and closes 05:00. */
async function lecture(code: string, title = '法律专题讲座'): Promise<string> {
  const id = uuidv7();
  const saved = await push(host(), 'activity.save', {
    id,
    checkInCode: code,
    activity: {
      title,
      kind: 'lecture',
      orgUnitId: 'org-v01',
      startsAt: '2026-04-02T01:00:00Z',
      endsAt: '2026-04-02T03:00:00Z',
      hostName: '李宣传',
      audience: 40,
      banners: 0,
      posters: 0,
      leaflets: 0,
      brochures: 0,
      gifts: 0,
    },
  });
  expect(saved.status).toBe('applied');
  return id;
}

type Person = { kind: 'self'; code: string } | { kind: 'user'; userId: string } | { kind: 'manual'; name: string; orgUnitId: string };
const checkIn = (by: string, activityId: string, person: Person, at: string, method = 'scan') =>
  push(by, 'activity.checkIn', { id: uuidv7(), activityId, person, method, at });
const rows = (activityId: string) =>
  handle.db
    .selectFrom('checkIn')
    .select(['personKey', 'userId', 'name', 'orgUnitId', 'method', 'checkedInAt', 'recordedBy'])
    .where('activityId', '=', activityId)
    .orderBy('checkedInAt')
    .execute();
const WINDOW = { code: 'CHECKIN_OUTSIDE_WINDOW', params: { opens: '2026-04-02 00:00 UTC', closes: '2026-04-02 05:00 UTC' } };

describe('the check-in window', () => {
  it('takes a check-in at the very first and the very last instant, and refuses a millisecond outside either end', async () => {
    const id = await lecture('codeWIN0001');
    const at = (person: string, time: string) =>
      checkIn(host(), id, { kind: 'manual', name: person, orgUnitId: 'org-v01' }, time, 'manual');
    expect(await at('马一', '2026-04-01T23:59:59.999Z')).toMatchObject({ status: 'rejected', ...WINDOW });
    expect(await at('马二', '2026-04-02T00:00:00.000Z')).toMatchObject({ status: 'applied' });
    expect(await at('马三', '2026-04-02T05:00:00.000Z')).toMatchObject({ status: 'applied' });
    expect(await at('马四', '2026-04-02T05:00:00.001Z')).toMatchObject({ status: 'rejected', ...WINDOW });
    // a time given with another offset is the same instant: 13:00 in Beijing is 05:00 UTC
    expect(await at('马五', '2026-04-02T13:00:00+08:00')).toMatchObject({ status: 'applied' });
    expect((await rows(id)).map((r) => [r.name, r.checkedInAt])).toEqual([
      ['马二', '2026-04-02T00:00:00.000Z'],
      ['马三', '2026-04-02T05:00:00.000Z'],
      ['马五', '2026-04-02T05:00:00.000Z'],
    ]);
  });
});

describe('checking oneself in with the code', () => {
  it("records the signed-in person with their own name and village, under their account's key", async () => {
    const id = await lecture('codeSELF0001');
    expect(await checkIn(villager(), id, { kind: 'self', code: 'codeSELF0001' }, '2026-04-02T01:05:00Z')).toMatchObject({
      status: 'applied',
    });
    const me = await handle.db.selectFrom('user').select(['name', 'orgUnitId']).where('id', '=', villager()).executeTakeFirstOrThrow();
    expect(await rows(id)).toEqual([
      {
        personKey: `u:${villager()}`,
        userId: villager(),
        name: me.name,
        orgUnitId: me.orgUnitId,
        method: 'scan',
        checkedInAt: '2026-04-02T01:05:00.000Z',
        recordedBy: villager(),
      },
    ]);
  });

  it('refuses a code that belongs to no activity, and an activity that has not reached the server, saying what to do', async () => {
    const id = await lecture('codeREAL0001');
    expect(await checkIn(cadre(), id, { kind: 'self', code: 'codeNOSUCH01' }, '2026-04-02T01:05:00Z')).toEqual({
      id: expect.any(String),
      status: 'rejected',
      code: 'CHECKIN_CODE_WRONG',
      reason: expect.stringMatching(/^签到码不对，请重新扫描活动现场的二维码 \/ /),
    });
    expect(await checkIn(cadre(), uuidv7(), { kind: 'self', code: 'codeREAL0001' }, '2026-04-02T01:05:00Z')).toMatchObject({
      status: 'rejected',
      code: 'ACTIVITY_NOT_SYNCED',
    });
    expect(await rows(id)).toEqual([]);
  });

  it("names the other activity when the code is another activity's", async () => {
    const first = await lecture('codeFIRST001', '活动甲');
    await lecture('codeSECOND01', '活动乙');
    expect(await checkIn(cadre(), first, { kind: 'self', code: 'codeSECOND01' }, '2026-04-02T01:05:00Z')).toMatchObject({
      status: 'rejected',
      code: 'CHECKIN_CODE_OTHER_ACTIVITY',
      params: { other: '活动乙', activity: '活动甲' },
    });
  });
});

describe('checking other people in', () => {
  it('lets the host and an administrator check a person in by their personal code, recording who did it', async () => {
    const id = await lecture('codeHOST0001');
    expect(await checkIn(host(), id, { kind: 'user', userId: cadre() }, '2026-04-02T01:10:00Z', 'hostScan')).toMatchObject({
      status: 'applied',
    });
    expect(await checkIn(admin(), id, { kind: 'user', userId: villager() }, '2026-04-02T01:20:00Z', 'hostScan')).toMatchObject({
      status: 'applied',
    });
    expect((await rows(id)).map((r) => [r.personKey, r.userId, r.method, r.recordedBy])).toEqual([
      [`u:${cadre()}`, cadre(), 'hostScan', host()],
      [`u:${villager()}`, villager(), 'hostScan', admin()],
    ]);
  });

  it('refuses anyone else checking another person in, and a personal code of no user', async () => {
    const id = await lecture('codeOTHER001');
    for (const person of [
      { kind: 'user', userId: villager() },
      { kind: 'manual', name: '马六', orgUnitId: 'org-v01' },
    ] as const)
      expect(await checkIn(cadre(), id, person, '2026-04-02T01:10:00Z', 'hostScan')).toMatchObject({
        status: 'rejected',
        code: 'CHECKIN_OTHERS_FORBIDDEN',
      });
    expect(await checkIn(host(), id, { kind: 'user', userId: 'no-such-user' }, '2026-04-02T01:10:00Z', 'hostScan')).toMatchObject({
      status: 'rejected',
      code: 'PERSONAL_CODE_UNKNOWN',
    });
    expect(await rows(id)).toEqual([]);
  });

  it('adds a person without a phone by name and village once, however often they are entered, and refuses an unknown village', async () => {
    const id = await lecture('codeMANUAL01');
    for (const at of ['2026-04-02T01:10:00Z', '2026-04-02T01:40:00Z'])
      expect(await checkIn(host(), id, { kind: 'manual', name: '马奶奶', orgUnitId: 'org-v01' }, at, 'manual')).toMatchObject({
        status: 'applied',
      });
    // the same name in another village is another person
    await checkIn(host(), id, { kind: 'manual', name: '马奶奶', orgUnitId: 'org-v02' }, '2026-04-02T01:50:00Z', 'manual');
    expect(
      await checkIn(host(), id, { kind: 'manual', name: '马爷爷', orgUnitId: 'org-nowhere' }, '2026-04-02T01:10:00Z', 'manual'),
    ).toMatchObject({ status: 'rejected', code: 'ORG_UNIT_NOT_FOUND', params: { id: 'org-nowhere' } });
    expect(await rows(id)).toEqual([
      {
        personKey: 'm:org-v01:马奶奶',
        userId: null,
        name: '马奶奶',
        orgUnitId: 'org-v01',
        method: 'manual',
        checkedInAt: '2026-04-02T01:10:00.000Z',
        recordedBy: host(),
      },
      {
        personKey: 'm:org-v02:马奶奶',
        userId: null,
        name: '马奶奶',
        orgUnitId: 'org-v02',
        method: 'manual',
        checkedInAt: '2026-04-02T01:50:00.000Z',
        recordedBy: host(),
      },
    ]);
  });
});
