import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpResult } from '@/lib/validations/sync';
import { activityFigures } from '@/server/activity-report';
import { canSeeActivity } from '@/server/activity/access';
import { pullActivityChanges } from '@/server/activity/pull';
import { setPeriodLock } from '@/server/activity/themes';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { storeFile } from '@/server/files';
import { seedDemo } from '@/server/seed';
import { pushOps } from '@/server/sync/push';
import { jpegBytes, sha256 } from '../../support/photos';

/** Activities on a real SQLite database with the demo township: the op handlers, visibility and the report's counts. */
let dir: string;
let handle: DbHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pufa-activity-'));
  handle = openDatabase({ dataDir: dir });
  await migrate(handle);
  await seedDemo(handle, 'Pufa-demo-2026', new Date('2026-03-20T08:00:00Z'));
  for (const u of await handle.db.selectFrom('user').select(['id', 'username']).execute()) ids[u.username ?? ''] = u.id;
});
afterAll(async () => {
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

const publicist = () => ids['13800000002']!;
const cadre = () => ids['13800000003']!;

async function push(userId: string, type: string, payload: unknown, deviceId = uuidv7()): Promise<OpResult> {
  const { results } = await pushOps(handle, userId, {
    deviceId,
    ops: [{ id: uuidv7(), seq: 1, type, payload, createdAt: new Date().toISOString() }],
  });
  return results[0]!;
}

function lecture(overrides: Record<string, unknown> = {}) {
  return {
    title: '法律专题讲座',
    kind: 'lecture',
    orgUnitId: 'org-v01',
    startsAt: '2026-04-02T01:00:00Z',
    endsAt: '2026-04-02T03:00:00Z',
    hostName: '李宣传',
    audience: 40,
    banners: 1,
    posters: 2,
    leaflets: 100,
    brochures: 10,
    gifts: 0,
    ...overrides,
  };
}

describe('demo seed and report figures', () => {
  it('counts the seeded activities by kind, materials and check-ins, for the township subtree and for one village', async () => {
    const town = await activityFigures(handle.db, 'org-town', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    expect(town?.activities).toBe(5);
    expect(town?.byKind).toMatchObject({ lecture: 1, publicity: 1, study: 1, consultation: 1, dutyDispute: 1 });
    expect(town?.byStudyKind.mondayMeeting).toBe(1);
    expect(town?.materials).toEqual({ banners: 5, posters: 26, leaflets: 700, brochures: 190, gifts: 200 });
    expect(town?.checkIns).toBe(6);
    expect(town?.dutiesByOutcome.reported).toBe(1);
    expect(town?.byChildUnit.find((c) => c.orgUnitId === 'org-v01')).toMatchObject({ activities: 2, checkIns: 2 });
    const village = await activityFigures(handle.db, 'org-v02', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    expect(village?.activities).toBe(1);
    expect(village?.byKind.consultation).toBe(1);
    // a year before any seeded record (the demo year is the calendar year before today)
    const none = await activityFigures(handle.db, 'org-town', '2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z');
    expect(none?.activities).toBe(0);
  });

  it('runs again without adding anything', async () => {
    await seedDemo(handle, 'Pufa-demo-2026', new Date('2026-03-20T08:00:00Z'));
    const town = await activityFigures(handle.db, 'org-town', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    expect(town?.activities).toBe(5);
    expect(town?.checkIns).toBe(6);
  });
});

describe('activity operations', () => {
  it('rejects negative and fractional materials with a reason', async () => {
    for (const bad of [{ banners: -1 }, { leaflets: 2.5 }]) {
      const r = await push(publicist(), 'activity.save', { id: uuidv7(), checkInCode: 'abcdefgh12', activity: lecture(bad) });
      expect(r.status).toBe('rejected');
      expect(r).toMatchObject({ code: 'INVALID_PAYLOAD', params: { fields: `activity.${Object.keys(bad)[0]}` } });
    }
  });

  it('counts one person once when two phones push their check-in', async () => {
    const id = uuidv7();
    expect((await push(publicist(), 'activity.save', { id, checkInCode: 'code000001', activity: lecture() })).status).toBe('applied');
    const checkIn = () => ({
      id: uuidv7(),
      activityId: id,
      person: { kind: 'self', code: 'code000001' },
      method: 'scan',
      at: '2026-04-02T01:10:00Z',
    });
    const [a, b] = await Promise.all([push(cadre(), 'activity.checkIn', checkIn()), push(cadre(), 'activity.checkIn', checkIn())]);
    expect([a.status, b.status]).toEqual(['applied', 'applied']);
    const host = await push(publicist(), 'activity.checkIn', {
      ...checkIn(),
      person: { kind: 'user', userId: cadre() },
      method: 'hostScan',
    });
    expect(host.status).toBe('applied');
    const rows = await handle.db.selectFrom('checkIn').select('id').where('activityId', '=', id).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a code from another activity and a check-in outside the window, saying why', async () => {
    const a = uuidv7();
    const b = uuidv7();
    await push(publicist(), 'activity.save', { id: a, checkInCode: 'codeAAAAAA', activity: lecture({ title: '活动甲' }) });
    await push(publicist(), 'activity.save', { id: b, checkInCode: 'codeBBBBBB', activity: lecture({ title: '活动乙' }) });
    const wrong = await push(cadre(), 'activity.checkIn', {
      id: uuidv7(),
      activityId: a,
      person: { kind: 'self', code: 'codeBBBBBB' },
      method: 'scan',
      at: '2026-04-02T01:10:00Z',
    });
    expect(wrong.status === 'rejected' && wrong.reason).toContain('活动乙');
    const late = await push(cadre(), 'activity.checkIn', {
      id: uuidv7(),
      activityId: a,
      person: { kind: 'self', code: 'codeAAAAAA' },
      method: 'link',
      at: '2026-04-03T01:10:00Z',
    });
    expect(late.status === 'rejected' && late.reason).toContain('签到时间');
  });

  it('keeps every edit as history and refuses edits once the month is locked', async () => {
    const id = uuidv7();
    await push(publicist(), 'activity.save', { id, checkInCode: 'codeEDIT01', activity: lecture() });
    expect((await push(publicist(), 'activity.save', { id, checkInCode: 'codeEDIT01', activity: lecture({ leaflets: 150 }) })).status).toBe(
      'applied',
    );
    const stranger = await push(cadre(), 'activity.save', { id, checkInCode: 'codeEDIT01', activity: lecture({ leaflets: 1 }) });
    expect(stranger.status).toBe('rejected');
    const history = await handle.db.selectFrom('activityRevision').selectAll().where('activityId', '=', id).execute();
    expect(history).toHaveLength(1);
    expect(JSON.parse(history[0]!.changes)).toEqual({ leaflets: [100, 150] });
    await setPeriodLock(handle, '2026-04', true, ids['13800000001']!);
    const locked = await push(publicist(), 'activity.save', { id, checkInCode: 'codeEDIT01', activity: lecture({ leaflets: 160 }) });
    expect(locked.status === 'rejected' && locked.reason).toContain('锁定');
    await setPeriodLock(handle, '2026-04', false, ids['13800000001']!);
  });

  it('shows a village activity to its own villagers and not to another village', async () => {
    const id = uuidv7();
    await push(publicist(), 'activity.save', { id, checkInCode: 'codeVIS001', activity: lecture({ orgUnitId: 'org-v01' }) });
    const own = { id: ids['13900001101']!, role: 'villager' as const, orgUnitId: 'org-v01' };
    const other = { id: ids['13900002101']!, role: 'villager' as const, orgUnitId: 'org-v02' };
    expect(await canSeeActivity(handle.db, own, id)).toBe(true);
    expect(await canSeeActivity(handle.db, other, id)).toBe(false);
    const pulled = await pullActivityChanges(handle.db, other.id, 0, Number.MAX_SAFE_INTEGER);
    expect(pulled.activities.map((a) => a.id)).not.toContain(id);
    const hostView = await pullActivityChanges(handle.db, publicist(), 0, Number.MAX_SAFE_INTEGER);
    expect(hostView.activities.find((a) => a.id === id)?.checkInCode).toBe('codeVIS001');
    const cadreView = await pullActivityChanges(handle.db, cadre(), 0, Number.MAX_SAFE_INTEGER);
    expect(cadreView.activities.find((a) => a.id === id)?.checkInCode).toBeNull();
  });

  it("refuses to attach a photo someone else uploaded to one's own activity", async () => {
    const bytes = jpegBytes('not yours');
    const hash = sha256(bytes);
    await storeFile(handle, ids['13800000001']!, hash, bytes, dir);
    const r = await push(cadre(), 'activity.save', { id: uuidv7(), checkInCode: 'codePHOTO1', activity: lecture({ photos: [hash] }) });
    expect(r.status === 'rejected' && r.reason).toContain('someone else');
    const own = jpegBytes('mine');
    await storeFile(handle, cadre(), sha256(own), own, dir);
    const ok = await push(cadre(), 'activity.save', {
      id: uuidv7(),
      checkInCode: 'codePHOTO2',
      activity: lecture({ photos: [sha256(own)] }),
    });
    expect(ok.status).toBe('applied');
  });
});
