import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegBytes, pngBytes, sha256 } from '../support/photos';
import { dbKinds, login, startTestServer, type TestServer } from './support/server';

/** Activities, check-ins and photos over HTTP against the production server, on SQLite and on PostgreSQL. */
describe.each(dbKinds)('activities on %s', (kind) => {
  let server: TestServer;
  let publicist: string;
  let cadre: string;
  let ownVillager: string;
  let otherVillager: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    publicist = await login(server.url, '13800000002');
    cadre = await login(server.url, '13800000003');
    ownVillager = await login(server.url, '13900001101');
    otherVillager = await login(server.url, '13900002101');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const push = async (cookie: string, type: string, payload: unknown, deviceId = uuidv7()) => {
    const res = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ deviceId, ops: [{ id: uuidv7(), seq: 1, type, payload, createdAt: new Date().toISOString() }] }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: { status: string; reason?: string }[] }).results[0]!;
  };
  const upload = (cookie: string, hash: string, body: Buffer, type = 'image/jpeg') =>
    fetch(`${server.url}/api/files/${hash}`, {
      method: 'PUT',
      headers: { Cookie: cookie, 'Content-Type': type },
      body: new Uint8Array(body),
    });
  const now = Date.now();
  const lecture = (overrides: Record<string, unknown> = {}) => ({
    title: '反诈骗法律专题讲座',
    kind: 'lecture',
    orgUnitId: 'org-v01',
    startsAt: new Date(now - 3600_000).toISOString(),
    endsAt: new Date(now + 3600_000).toISOString(),
    hostName: '李宣传',
    audience: 50,
    banners: 1,
    posters: 4,
    leaflets: 200,
    brochures: 30,
    gifts: 10,
    ...overrides,
  });

  it('counts a check-in pushed from two phones once', async () => {
    const id = uuidv7();
    expect((await push(publicist, 'activity.save', { id, checkInCode: 'itCode0001', activity: lecture() })).status).toBe('applied');
    const checkIn = () => ({
      id: uuidv7(),
      activityId: id,
      person: { kind: 'self', code: 'itCode0001' },
      method: 'scan',
      at: new Date().toISOString(),
    });
    const [a, b] = await Promise.all([push(cadre, 'activity.checkIn', checkIn()), push(cadre, 'activity.checkIn', checkIn())]);
    expect([a.status, b.status]).toEqual(['applied', 'applied']);
    const rows = await server.db.db.selectFrom('checkIn').select('personKey').where('activityId', '=', id).execute();
    expect(rows).toHaveLength(1);
    const pull = async (cookie: string) =>
      (await (await fetch(`${server.url}/api/sync/pull?cursor=0`, { headers: { Cookie: cookie } })).json()) as {
        activities: { id: string; checkInCode: string | null; leaflets: number }[];
        checkIns: { activityId: string }[];
      };
    const host = await pull(publicist);
    expect(host.activities.find((a) => a.id === id)).toMatchObject({ checkInCode: 'itCode0001', leaflets: 200 });
    expect(host.checkIns.filter((c) => c.activityId === id)).toHaveLength(1);
    const attendee = await pull(cadre);
    expect(attendee.activities.find((a) => a.id === id)?.checkInCode).toBeNull();
    expect((await pull(otherVillager)).activities.map((a) => a.id)).not.toContain(id);
  });

  it('rejects negative or fractional materials with a reason', async () => {
    const negative = await push(publicist, 'activity.save', {
      id: uuidv7(),
      checkInCode: 'itCode0002',
      activity: lecture({ posters: -3 }),
    });
    expect(negative).toMatchObject({ status: 'rejected', code: 'INVALID_PAYLOAD', params: { fields: 'activity.posters' } });
    const fraction = await push(publicist, 'activity.save', {
      id: uuidv7(),
      checkInCode: 'itCode0003',
      activity: lecture({ brochures: 1.5 }),
    });
    expect(fraction).toMatchObject({ status: 'rejected', code: 'INVALID_PAYLOAD', params: { fields: 'activity.brochures' } });
  });

  it('refuses a PNG named .jpg and an 11 MB photo with clear errors, and stores a JPEG once', async () => {
    const png = pngBytes();
    const refusedPng = await upload(publicist, sha256(png), png);
    expect(refusedPng.status).toBe(415);
    expect(((await refusedPng.json()) as { error: string }).error).toContain('PNG');
    const big = jpegBytes('big', 11 * 1024 * 1024);
    const refusedBig = await upload(publicist, sha256(big), big);
    expect(refusedBig.status).toBe(413);
    expect(((await refusedBig.json()) as { error: string }).error).toContain('照片过大');
    const photo = jpegBytes('lecture photo');
    expect((await upload(publicist, sha256(photo), photo)).status).toBe(201);
    expect((await upload(publicist, sha256(photo), photo)).status).toBe(200);
  });

  it('serves an activity photo to its village and not to another village, never cached', async () => {
    const photo = jpegBytes('village photo');
    const hash = sha256(photo);
    expect((await upload(publicist, hash, photo)).status).toBe(201);
    const id = uuidv7();
    expect((await push(publicist, 'activity.save', { id, checkInCode: 'itCode0004', activity: lecture({ photos: [hash] }) })).status).toBe(
      'applied',
    );
    const own = await fetch(`${server.url}/api/files/${hash}`, { headers: { Cookie: ownVillager } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/jpeg');
    expect(own.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await own.arrayBuffer())).toEqual(photo);
    const other = await fetch(`${server.url}/api/files/${hash}`, { headers: { Cookie: otherVillager } });
    expect(other.status).toBe(404);
    const anonymous = await fetch(`${server.url}/api/files/${hash}`);
    expect(anonymous.status).toBe(401);
  });

  it('lets only an administrator add themes and lock a month, after which its activities cannot change', async () => {
    const admin = await login(server.url, '13800000001');
    const post = (cookie: string, path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: server.url },
        body: JSON.stringify(body),
      });
    expect((await post(publicist, '/api/activity-themes', { name: '防范养老诈骗' })).status).toBe(403);
    expect((await post(admin, '/api/activity-themes', { name: '防范养老诈骗' })).status).toBe(201);
    expect((await post(admin, '/api/activity-themes', { name: '防范养老诈骗' })).status).toBe(409);
    const id = uuidv7();
    const old = lecture({ startsAt: '2025-06-02T01:00:00Z', endsAt: '2025-06-02T03:00:00Z' });
    expect((await push(publicist, 'activity.save', { id, checkInCode: 'itCode0005', activity: old })).status).toBe('applied');
    expect((await post(publicist, '/api/activity-locks', { period: '2025-06', locked: true })).status).toBe(403);
    const locked = await post(admin, '/api/activity-locks', { period: '2025-06', locked: true });
    expect(await locked.json()).toEqual({ lockedPeriods: ['2025-06'] });
    const edit = await push(publicist, 'activity.save', { id, checkInCode: 'itCode0005', activity: { ...old, leaflets: 1 } });
    expect(edit).toMatchObject({ status: 'rejected', code: 'PERIOD_LOCKED', params: { period: '2025-06' } });
    expect((await post(admin, '/api/activity-locks', { period: '2025-13', locked: true })).status).toBe(422);
  });
});
