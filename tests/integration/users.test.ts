import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, login, startTestServer, type TestServer } from './support/server';

/** Accounts: validation with field-level messages, roles on every route, disabling ends sessions. */
describe.each(dbKinds)('users on %s', (kind) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await login(server.url, '13800000001');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const create = (cookie: string, body: unknown) =>
    fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify(body),
    });
  const valid = {
    phone: '13912345678',
    password: 'Cun-Min-2026',
    name: '赵四',
    role: 'villager',
    orgUnitId: 'org-v02-h1',
    legalLiterate: true,
    legalLiterateSince: '2025-03-01',
  };

  it('creates a 法律明白人 who can then sign in', async () => {
    const res = await create(admin, valid);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      phone: '13912345678',
      role: 'villager',
      legalLiterate: true,
      legalLiterateSince: '2025-03-01',
    });
    expect(await login(server.url, '13912345678', 'Cun-Min-2026')).toMatch(/session_token/);
  });

  it('answers 422 naming the field for a bad phone number or a weak password', async () => {
    const badPhone = await create(admin, { ...valid, phone: '1234' });
    expect(badPhone.status).toBe(422);
    expect((await badPhone.json()).fields).toHaveProperty('phone');
    const weak = await create(admin, { ...valid, phone: '13912345679', password: 'password1' });
    expect(weak.status).toBe(422);
    const body = await weak.json();
    expect(body.fields).toHaveProperty('password');
    expect(body.error).toMatch(/password/);
  });

  it('answers 409 to a phone number that already has an account', async () => {
    const res = await create(admin, { ...valid, phone: '13800000003' });
    expect(res.status).toBe(409);
  });

  it('answers 403 when a non-admin creates a user, and 401 without a session', async () => {
    const cadre = await login(server.url, '13800000003');
    expect((await create(cadre, { ...valid, phone: '13912345670' })).status).toBe(403);
    expect((await create('', { ...valid, phone: '13912345671' })).status).toBe(401);
  });

  it('ends every session of a user when an admin disables them', async () => {
    const villager = await login(server.url, '13800000004');
    expect((await fetch(`${server.url}/api/me`, { headers: { Cookie: villager } })).status).toBe(200);
    const me = await (await fetch(`${server.url}/api/me`, { headers: { Cookie: villager } })).json();
    const res = await fetch(`${server.url}/api/users/${me.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: admin },
      body: JSON.stringify({ disabled: true }),
    });
    expect(res.status).toBe(200);
    expect((await fetch(`${server.url}/api/me`, { headers: { Cookie: villager } })).status).toBe(401);
    const again = await fetch(`${server.url}/api/auth/sign-in/username`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: '13800000004', password: 'Pufa-demo-2026' }),
    });
    expect(again.ok).toBe(false);
    await fetch(`${server.url}/api/users/${me.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: admin },
      body: JSON.stringify({ disabled: false }),
    });
  });

  it('makes a user whose password an admin reset choose a new one before anything else opens', async () => {
    const patch = (cookie: string, id: string, body: unknown) =>
      fetch(`${server.url}/api/users/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify(body),
      });
    const created = await create(admin, { ...valid, phone: '13912340001', legalLiterate: false, legalLiterateSince: null });
    const { id } = (await created.json()) as { id: string };
    const before = await login(server.url, '13912340001', 'Cun-Min-2026');

    const reset = await patch(admin, id, { password: 'Lin-Shi-2026' });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toMatchObject({ mustChangePassword: true });
    expect((await fetch(`${server.url}/api/me`, { headers: { Cookie: before } })).status).toBe(401);

    const first = await login(server.url, '13912340001', 'Lin-Shi-2026');
    const other = await login(server.url, '13912340001', 'Lin-Shi-2026');
    const me = await fetch(`${server.url}/api/me`, { headers: { Cookie: first } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id, mustChangePassword: true });
    const pull = await fetch(`${server.url}/api/sync/pull`, { headers: { Cookie: first } });
    expect(pull.status).toBe(403);
    expect(await pull.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const rename = await fetch(`${server.url}/api/me`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: first },
      body: JSON.stringify({ name: '赵五' }),
    });
    expect(rename.status).toBe(403);
    const push = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: first },
      body: JSON.stringify({ deviceId: 'd', ops: [] }),
    });
    expect(push.status).toBe(403);

    const change = (newPassword: string) =>
      fetch(`${server.url}/api/me/password`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: first },
        body: JSON.stringify({ currentPassword: 'Lin-Shi-2026', newPassword }),
      });
    const weak = await change('password1');
    expect(weak.status).toBe(422);
    expect((await weak.json()).fields).toHaveProperty('newPassword');
    expect((await change('Lin-Shi-2026')).status).toBe(422);
    expect((await fetch(`${server.url}/api/sync/pull`, { headers: { Cookie: first } })).status).toBe(403);

    expect((await change('Zi-Ji-De-2026')).status).toBe(200);
    expect((await fetch(`${server.url}/api/sync/pull`, { headers: { Cookie: first } })).status).toBe(200);
    expect(await (await fetch(`${server.url}/api/me`, { headers: { Cookie: first } })).json()).toMatchObject({ mustChangePassword: false });
    expect((await fetch(`${server.url}/api/me`, { headers: { Cookie: other } })).status).toBe(401);
    expect(await login(server.url, '13912340001', 'Zi-Ji-De-2026')).toMatch(/session_token/);
  });

  it('locks an account after five wrong passwords', async () => {
    const attempt = () =>
      fetch(`${server.url}/api/auth/sign-in/username`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: '13800000005', password: 'Wrong-pass-1' }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const locked = await attempt();
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ code: 'LOGIN_LOCKED', message: expect.stringMatching(/^ACCOUNT_LOCKED:/) });
  });

  it('logs out on the server: the old cookie no longer works', async () => {
    const cookie = await login(server.url, '13800000002');
    const out = await fetch(`${server.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: server.url },
      body: '{}',
    });
    expect(out.ok).toBe(true);
    expect((await fetch(`${server.url}/api/me`, { headers: { Cookie: cookie } })).status).toBe(401);
  });
});

describe.each(dbKinds)('sign-in origins on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const signIn = (origin: string) =>
    fetch(`${server.url}/api/auth/sign-in/username`, {
      method: 'POST',
      // A browser that has visited /en carries the locale cookie, which makes better-auth check the Origin.
      headers: { 'Content-Type': 'application/json', Cookie: 'NEXT_LOCALE=en', Origin: origin },
      body: JSON.stringify({ username: '13800000003', password: 'Pufa-demo-2026' }),
    });

  it('accepts a sign-in from the address the app was opened by, with no BETTER_AUTH_URL set', async () => {
    expect((await signIn(server.url)).status).toBe(200);
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await signIn('https://evil.example');
    expect(res.status).toBe(403);
  });
});
