import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSULT_CONSENT_VERSION } from '@/lib/consult/types';
import { createUser } from '@/server/users';
import { jpegBytes, sha256 } from '../support/photos';
import { DEMO_PASSWORD, dbKinds, login, startTestServer, type TestServer } from './support/server';

/** Legal consultations over HTTP against the production server, on SQLite and on PostgreSQL: privacy, consent, idempotence, retention. */
type Json = Record<string, unknown>;
interface Pulled {
  consultations: { id: string; full: boolean; description: string; requesterName: string }[];
  consultationsGone: string[];
}

describe.each(dbKinds)('consultations on %s', (kind) => {
  let server: TestServer;
  const cookie: Record<string, string> = {};
  const devices: Record<string, string> = {};
  let lawyerId: string;
  let seq = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
    await createUser(server.db.db, {
      phone: '13700000009',
      name: '赵律师',
      role: 'lawyer',
      orgUnitId: 'org-town',
      password: DEMO_PASSWORD,
      legalLiterate: false,
      legalLiterateSince: null,
    });
    const who = {
      villager: '13800000004',
      other: '13900001101',
      publicist: '13800000002',
      lawyer: '13800000005',
      lawyer2: '13700000009',
      admin: '13800000001',
    };
    for (const [name, phone] of Object.entries(who)) cookie[name] = await login(server.url, phone);
    lawyerId = (await server.db.db.selectFrom('user').select('id').where('username', '=', who.lawyer).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const get = (who: string, path: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie[who]! } });
  const send = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie[who]!, Origin: server.url },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const op = (type: string, payload: Json, id = uuidv7()) => ({ id, seq: ++seq, type, payload, createdAt: new Date().toISOString() });
  const push = async (who: string, ops: unknown[]) => {
    const res = await send(who, 'POST', '/api/sync/push', { deviceId: (devices[who] ??= uuidv7()), ops });
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: { status: string; reason?: string }[] }).results;
  };
  const pull = async (who: string) => (await (await get(who, '/api/sync/pull?cursor=0')).json()) as Pulled;
  const request = (fields: Json = {}) => ({
    id: uuidv7(),
    channel: 'app',
    category: 'land',
    villageId: 'org-v01-h1',
    description: '邻居占了我家宅基地',
    contactPhone: '13800000004',
    callBack: true,
    consentVersion: CONSULT_CONSENT_VERSION,
    at: new Date().toISOString(),
    ...fields,
  });
  const upload = async (who: string, seed: string) => {
    const bytes = jpegBytes(seed);
    const hash = sha256(bytes);
    const res = await fetch(`${server.url}/api/files/${hash}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/jpeg', Cookie: cookie[who]!, Origin: server.url },
      body: new Uint8Array(bytes),
    });
    expect(res.status).toBe(201);
    return hash;
  };
  const rows = (id: string) => server.db.db.selectFrom('consultation').selectAll().where('id', '=', id).execute();

  it('refuses a request without the separate consent and stores nothing', async () => {
    const withoutConsent = request({ consentVersion: null });
    const oldConsent = request({ consentVersion: 'consult-2020-01' });
    const results = await push('villager', [op('consult.file', withoutConsent), op('consult.file', oldConsent)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results[0]).toMatchObject({ code: 'CONSENT_REQUIRED', reason: expect.stringContaining('单独同意') });
    expect(await rows(withoutConsent.id as string)).toHaveLength(0);
    expect(await rows(oldConsent.id as string)).toHaveLength(0);
  });

  it('keeps a request pushed twice as one request', async () => {
    const payload = request();
    const first = op('consult.file', payload);
    expect((await push('villager', [first])).map((r) => r.status)).toEqual(['applied']);
    expect((await push('villager', [first])).map((r) => r.status)).toEqual(['duplicate']);
    // the same request queued again under a new op id (a phone that lost its receipt)
    expect((await push('villager', [op('consult.file', payload)])).map((r) => r.status)).toEqual(['applied']);
    expect(await rows(payload.id as string)).toHaveLength(1);
    const consent = await server.db.db.selectFrom('consent').selectAll().where('version', '=', CONSULT_CONSENT_VERSION).execute();
    expect(consent.length).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 to another villager, the publicist and an unassigned lawyer, and audits lawyers’ and admins’ reads', async () => {
    const photo = await upload('villager', `loan-${kind}`);
    const payload = request({ description: '借条丢了怎么办', photoIds: [photo] });
    expect((await push('villager', [op('consult.file', payload)]))[0]).toMatchObject({ status: 'applied' });
    const id = payload.id as string;
    expect((await get('villager', `/api/consultations/${id}`)).status).toBe(200);
    expect((await get('villager', `/api/files/${photo}`)).status).toBe(200);
    for (const who of ['other', 'publicist', 'lawyer', 'lawyer2']) {
      expect((await get(who, `/api/consultations/${id}`)).status, who).toBe(404);
      expect((await get(who, `/api/files/${photo}`)).status, who).toBe(404);
    }
    expect((await get('other', `/api/consultations/${uuidv7()}`)).status).toBe(404);
    // swapping ids the other way: naming the photo's hash in one's own request opens nothing
    const stolen = await push('other', [op('consult.file', request({ villageId: 'org-v11', photoIds: [photo] }))]);
    expect(stolen[0]).toMatchObject({ status: 'rejected' });
    expect((await get('other', `/api/files/${photo}`)).status).toBe(404);

    // Before anyone takes it, lawyers see a stub without personal details; other villagers see nothing.
    const stub = (await pull('lawyer2')).consultations.find((c) => c.id === id);
    expect(stub).toMatchObject({ full: false, description: '', requesterName: '' });
    expect((await pull('other')).consultations.some((c) => c.id === id)).toBe(false);
    expect((await pull('publicist')).consultations.some((c) => c.id === id)).toBe(false);

    expect(
      (await push('admin', [op('consult.assign', { consultationId: id, lawyerId, at: new Date().toISOString() })])).map((r) => r.status),
    ).toEqual(['applied']);
    expect((await get('lawyer', `/api/consultations/${id}`)).status).toBe(200);
    expect((await get('admin', `/api/consultations/${id}`)).status).toBe(200);
    expect((await get('lawyer', `/api/files/${photo}`)).status).toBe(200);
    expect((await get('admin', `/api/files/${photo}`)).status).toBe(200);
    expect((await get('lawyer2', `/api/consultations/${id}`)).status).toBe(404);
    expect((await get('lawyer2', `/api/files/${photo}`)).status).toBe(404);
    expect((await get('other', `/api/files/${photo}`)).status).toBe(404);
    const cursor = 0;
    const lawyer2 = (await (await get('lawyer2', `/api/sync/pull?cursor=${cursor + 1}`)).json()) as Pulled;
    expect(lawyer2.consultations.some((c) => c.id === id)).toBe(false);
    expect(lawyer2.consultationsGone).toContain(id);

    // Another lawyer cannot act on it through the write path either.
    const refused = await push('lawyer2', [
      op('consult.reply', { consultationId: id, messageId: uuidv7(), body: '我来答', at: new Date().toISOString() }),
    ]);
    expect(refused[0]).toMatchObject({ status: 'rejected' });

    const audit = await server.db.db.selectFrom('auditLog').selectAll().where('subjectId', '=', id).execute();
    const reads = (action: string) =>
      audit
        .filter((a) => a.action === action)
        .map((a) => a.actorRole)
        .sort();
    expect(reads('read')).toEqual(['admin', 'lawyer']);
    expect(reads('read-photo')).toEqual(['admin', 'lawyer']);
    expect(audit.every((a) => a.at && a.actorId)).toBe(true);
  });

  it('records walk-in advice only against a 法律咨询服务 event', async () => {
    const walkIn = (activityId: string) =>
      op('consult.file', {
        id: uuidv7(),
        channel: 'walk-in',
        category: 'loans',
        villageId: 'org-v02',
        description: '借钱不还怎么起诉',
        activityId,
        at: new Date().toISOString(),
      });
    const [missing] = await push('lawyer', [walkIn(uuidv7())]);
    expect(missing).toMatchObject({ status: 'rejected' });
    const lecture = await server.db.db.selectFrom('activity').select('id').where('kind', '=', 'lecture').executeTakeFirstOrThrow();
    const [atLecture] = await push('lawyer', [walkIn(lecture.id)]);
    expect(atLecture).toMatchObject({ code: 'WALK_IN_WRONG_EVENT' });
    const event = await server.db.db.selectFrom('activity').select('id').where('kind', '=', 'consultation').executeTakeFirstOrThrow();
    const before = await server.db.db.selectFrom('consultation').select('id').where('activityId', '=', event.id).execute();
    const [atEvent] = await push('lawyer', [walkIn(event.id)]);
    expect(atEvent).toMatchObject({ status: 'applied' });
    const after = await server.db.db.selectFrom('consultation').select(['status', 'channel']).where('activityId', '=', event.id).execute();
    expect(after).toHaveLength(before.length + 1);
    expect(after.every((c) => c.status === 'resolved' && c.channel === 'walk-in')).toBe(true);
    const [byVillager] = await push('villager', [walkIn(event.id)]);
    expect(byVillager).toMatchObject({ code: 'WALK_IN_STAFF_ONLY' });
  });

  it('anonymises requests past the retention period without changing the report counts', async () => {
    const photo = await upload('villager', `old-${kind}`);
    const old = request({
      photoIds: [photo],
      description: '三年前的咨询',
      requesterName: '',
      contactPhone: '13800000004',
      at: new Date(Date.now() - 400 * 24 * 3600_000).toISOString(),
    });
    expect((await push('villager', [op('consult.file', old)]))[0]).toMatchObject({ status: 'applied' });
    expect((await get('villager', `/api/files/${photo}`)).status).toBe(200);
    const year = new Date(Date.now() - 400 * 24 * 3600_000).getUTCFullYear();
    const reportPath = `/api/consultations/report?orgUnitId=org-town&from=${year - 1}-01-01&to=${year + 2}-01-01`;
    const before = (await (await get('admin', reportPath)).json()) as Json;
    expect(before.total as number).toBeGreaterThan(0);

    const saved = await send('admin', 'PUT', '/api/consultations/settings', { retentionMonths: 12, deadlineWorkingDays: 5 });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { anonymised: number }).anonymised).toBeGreaterThanOrEqual(1);
    expect(await (await get('admin', reportPath)).json()).toEqual(before);

    const [row] = await rows(old.id as string);
    expect(row).toMatchObject({ requesterName: '', contactPhone: '', description: '', photoIds: '[]' });
    expect(row!.anonymisedAt).not.toBeNull();
    const seen = (await (await get('villager', `/api/consultations/${old.id as string}`)).json()) as Json;
    expect(seen).toMatchObject({ anonymised: true, description: '', requesterName: '' });
    // the photo is gone too, even for the person who uploaded it
    expect((await get('villager', `/api/files/${photo}`)).status).toBe(404);
    expect(
      await server.db.db
        .selectFrom('fileOwner')
        .selectAll()
        .where('ownerId', '=', old.id as string)
        .execute(),
    ).toHaveLength(0);
    expect((await send('villager', 'PUT', '/api/consultations/settings', { retentionMonths: 12, deadlineWorkingDays: 5 })).status).toBe(
      403,
    );
  });
});
