import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dbKinds, login, startTestServer, type TestServer } from './support/server';

/**
 * Sign-in and account security (issue 8) against the real server on SQLite and PostgreSQL. The first server sits
 * behind a trusted proxy (TRUSTED_PROXY=127.0.0.1), so each test speaks from its own X-Forwarded-For address; the
 * second trusts no proxy, as the demo does.
 */
type Headers = Record<string, string>;
/** These tests need no law texts; skipping the import keeps each server start short. */
const NO_LAWS = { LAWS_DIR: '/nonexistent/pufa-laws' };

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** POSTs a chunked body (no Content-Length) of totalBytes, stopping as soon as the server answers. */
function postChunked(url: string, path: string, totalBytes: number, headers: Headers = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      answered = true;
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes && !answered) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe.each(dbKinds)('sign-in and accounts behind a trusted proxy on %s', (kind) => {
  let server: TestServer;
  let admin: string;
  const ADMIN_ADDRESS = '10.0.0.1';

  const signIn = (phone: string, password: string, address: string, extra: Headers = {}) =>
    fetch(`${server.url}/api/auth/sign-in/username`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url, 'X-Forwarded-For': address, ...extra },
      body: JSON.stringify({ username: phone, password }),
    });
  const call = (path: string, method: string, cookie: string, body?: unknown, extra: Headers = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-Forwarded-For': ADMIN_ADDRESS, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const signedIn = async (phone: string, address: string, password = DEMO_PASSWORD) => {
    const res = await signIn(phone, password, address);
    expect(res.status).toBe(200);
    return cookieOf(res);
  };
  const me = async (cookie: string) => call('/api/me', 'GET', cookie);
  const userId = async (phone: string) => {
    const list = await (await call(`/api/users?q=${phone}`, 'GET', admin)).json();
    return list.users[0] as { id: string; locked: boolean; name: string; phone: string };
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { TRUSTED_PROXY: '127.0.0.1', ...NO_LAWS });
    admin = await signedIn('13800000001', ADMIN_ADDRESS);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 404 on every better-auth route the app does not use, the email sign-in of a real account included', async () => {
    const email = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url, 'X-Forwarded-For': '10.1.0.1' },
      body: JSON.stringify({ email: '13800000003@phone.pufa.invalid', password: DEMO_PASSWORD }),
    });
    expect(email.status).toBe(404);
    expect(email.headers.getSetCookie()).toEqual([]);
    const routes: [string, string, unknown?][] = [
      ['/api/auth/update-user', 'POST', { name: 'x', username: '13800000002' }],
      ['/api/auth/is-username-available', 'POST', { username: '13800000002' }],
      ['/api/auth/admin/create-user', 'POST', { email: 'a@b.c', password: 'Xy-12345678', name: 'x', role: 'admin' }],
      ['/api/auth/admin/set-role', 'POST', { userId: 'x', role: 'admin' }],
      ['/api/auth/admin/set-user-password', 'POST', { userId: 'x', newPassword: 'Xy-12345678' }],
      ['/api/auth/list-sessions', 'GET'],
      ['/api/auth/change-password', 'POST', { currentPassword: DEMO_PASSWORD, newPassword: 'Xy-12345678' }],
      ['/api/auth/change-email', 'POST', { newEmail: 'a@b.c' }],
      ['/api/auth/get-session', 'GET'],
      ['/api/auth/sign-up/email', 'POST', { email: 'a@b.c', password: 'Xy-12345678', name: 'x' }],
    ];
    for (const [path, method, body] of routes) {
      const res = await call(path, method, admin, body, { Origin: server.url });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('counts wrong current passwords in a password change toward the same lock as sign-in', async () => {
    const address = '10.2.0.1';
    const cookie = await signedIn('13900002001', address);
    for (let i = 0; i < 5; i++) {
      const res = await call(
        '/api/me/password',
        'POST',
        cookie,
        { currentPassword: `Wrong-${i}-pass`, newPassword: 'Hai-Yuan-7ying' },
        {
          Origin: server.url,
          'X-Forwarded-For': address,
        },
      );
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe('WRONG_PASSWORD');
    }
    const locked = await signIn('13900002001', DEMO_PASSWORD, address);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ code: 'LOGIN_LOCKED' });
  });

  it('checks only 5 of 25 concurrent wrong guesses and answers none of them with a server error', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => signIn('13900001001', `Wrong-pass-${i}`, '10.3.0.1')));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect((await signIn('13900001001', DEMO_PASSWORD, '10.3.0.1')).status).toBe(429);
  });

  it('locks out the address that guessed, not the account: the admin still signs in, and can unlock', async () => {
    const attacker = '198.51.100.66';
    for (let i = 0; i < 5; i++) expect((await signIn('13800000001', `Wrong-pass-${i}`, attacker)).status).toBe(401);
    expect((await signIn('13800000001', DEMO_PASSWORD, attacker)).status).toBe(429);
    expect((await signIn('13800000001', DEMO_PASSWORD, '10.4.0.2')).status).toBe(200);

    const target = await userId('13800000001');
    expect(target.locked).toBe(true);
    const unlock = await call(`/api/users/${target.id}/unlock`, 'POST', admin, {}, { Origin: server.url });
    expect(unlock.status).toBe(200);
    expect((await userId('13800000001')).locked).toBe(false);
    expect((await signIn('13800000001', DEMO_PASSWORD, attacker)).status).toBe(200);
  });

  it('gives one answer for a wrong password, an unknown phone and a disabled account', async () => {
    const disabled = await userId('13900004001');
    expect((await call(`/api/users/${disabled.id}`, 'PATCH', admin, { disabled: true }, { Origin: server.url })).status).toBe(200);
    const wrong = await signIn('13900004101', 'Wrong-pass-1', '10.5.0.1');
    const unknown = await signIn('13999999999', 'Wrong-pass-1', '10.5.0.2');
    const disabledRight = await signIn('13900004001', DEMO_PASSWORD, '10.5.0.3');
    const disabledWrong = await signIn('13900004001', 'Wrong-pass-1', '10.5.0.4');
    const answers = await Promise.all(
      [wrong, unknown, disabledRight, disabledWrong].map(async (r) => ({ status: r.status, body: await r.json() })),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toEqual({ status: 401, body: { code: 'INVALID_CREDENTIALS', message: 'Invalid phone number or password' } });
  });

  it('refuses bodies over their limit with 413 while they are still arriving, on better-auth and the app alike', async () => {
    const user = await signedIn('13900009001', '10.9.0.1');
    expect(await postChunked(server.url, '/api/auth/sign-in/username', 20 * 1024 * 1024, { 'X-Forwarded-For': '10.9.0.2' })).toBe(413);
    expect(await postChunked(server.url, '/api/sync/push', 8 * 1024 * 1024, { Cookie: user })).toBe(413);
    expect(await postChunked(server.url, '/api/users', 2 * 1024 * 1024, { Cookie: admin })).toBe(413);
    const hugeName = await call('/api/me', 'PATCH', user, { name: 'x'.repeat(20 * 1024 * 1024) }, { Origin: server.url });
    expect(hugeName.status).toBe(413);
    expect((await me(user)).status).toBe(200);
  });

  it('keeps identity out of users’ hands: only the name changes, within the rules', async () => {
    const cookie = await signedIn('13900007001', '10.7.0.1');
    const write = (body: unknown) => call('/api/me', 'PATCH', cookie, body, { Origin: server.url, 'X-Forwarded-For': '10.7.0.1' });
    const rewrite = await call(
      '/api/auth/update-user',
      'POST',
      cookie,
      { name: '管理员', username: '13800000001' },
      { Origin: server.url },
    );
    expect(rewrite.status).toBe(404);
    for (const body of [
      { name: '马福贵', phone: '13800000001' },
      { name: '马福贵', role: 'admin' },
      { name: '\u200B\u200B' },
      { name: '马'.repeat(41) },
      { name: '马\u0000贵' },
    ])
      expect({ body, status: (await write(body)).status }).toEqual({ body, status: 422 });
    const ok = await write({ name: '  马福贵 ' });
    expect(ok.status).toBe(200);
    expect(await (await me(cookie)).json()).toMatchObject({ name: '马福贵', phone: '13900007001', role: 'cadre' });
  });

  it('ends the other sessions when a password is changed, and all of them when an admin resets it', async () => {
    const here = await signedIn('13900005001', '10.8.0.1');
    const there = await signedIn('13900005001', '10.8.0.2');
    const change = await call(
      '/api/me/password',
      'POST',
      here,
      { currentPassword: DEMO_PASSWORD, newPassword: 'Hai-Yuan-7ying' },
      {
        Origin: server.url,
      },
    );
    expect(change.status).toBe(200);
    expect((await me(here)).status).toBe(200);
    expect((await me(there)).status).toBe(401);
    expect((await signIn('13900005001', DEMO_PASSWORD, '10.8.0.3')).status).toBe(401);
    expect((await signIn('13900005001', 'Hai-Yuan-7ying', '10.8.0.3')).status).toBe(200);

    const victim = await signedIn('13900006001', '10.8.1.1');
    const id = (await userId('13900006001')).id;
    const reset = await call(`/api/users/${id}`, 'PATCH', admin, { password: 'Qi-Ying-2026x' }, { Origin: server.url });
    expect(reset.status).toBe(200);
    expect((await me(victim)).status).toBe(401);
    expect((await signIn('13900006001', 'Qi-Ying-2026x', '10.8.1.1')).status).toBe(200);
  });

  it('refuses the most common passwords and the demo password for a new account; the demo accounts still sign in', async () => {
    const base = { phone: '13912340001', name: '杨秀兰', role: 'villager', orgUnitId: 'org-v03-h1', legalLiterate: false };
    for (const password of ['P@ssw0rd', 'Aa123456', DEMO_PASSWORD]) {
      const res = await call('/api/users', 'POST', admin, { ...base, password }, { Origin: server.url });
      expect(res.status).toBe(422);
      expect((await res.json()).fields.password).toMatch(/^COMMON_PASSWORD/);
    }
    expect((await signIn('13800000003', DEMO_PASSWORD, '10.10.0.1')).status).toBe(200);
  });

  it('answers one 201 and otherwise 409 when the same phone is created several times at once', async () => {
    const body = {
      phone: '13912340002',
      password: 'Cun-Min-2026',
      name: '马秀英',
      role: 'villager',
      orgUnitId: 'org-v03-h1',
      legalLiterate: false,
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => call('/api/users', 'POST', admin, body, { Origin: server.url })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('answers 403, never 500, to Origin: null on every write route', async () => {
    const routes: [string, string][] = [
      ['/api/users', 'POST'],
      ['/api/users/some-id', 'PATCH'],
      ['/api/users/some-id/unlock', 'POST'],
      ['/api/me', 'PATCH'],
      ['/api/me/password', 'POST'],
      ['/api/sync/push', 'POST'],
      ['/api/tasks', 'POST'],
      ['/api/exams', 'POST'],
      ['/api/exams/some-id/paper', 'POST'],
      ['/api/laws', 'POST'],
      ['/api/auth/sign-in/username', 'POST'],
      ['/api/auth/sign-out', 'POST'],
    ];
    for (const [path, method] of routes) {
      const res = await call(path, method, admin, {}, { Origin: 'null' });
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
  });

  it('sets __Secure- cookies and HSTS only when the trusted proxy says the request came over https', async () => {
    const https = await signIn('13900008001', DEMO_PASSWORD, '10.11.0.1', { 'X-Forwarded-Proto': 'https' });
    expect(https.status).toBe(200);
    const secure = https.headers.getSetCookie().find((c) => c.includes('session_token'));
    expect(secure).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(secure).toMatch(/;\s*Secure/i);
    const page = await fetch(`${server.url}/zh/login`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    // The __Secure- session is the one this https request carries.
    expect((await call('/api/me', 'GET', cookieOf(https), undefined, { 'X-Forwarded-Proto': 'https' })).status).toBe(200);
  });
});

describe.each(dbKinds)('sign-in with no trusted proxy (the demo on a LAN) on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, NO_LAWS);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const signIn = (phone: string, password: string, extra: Headers = {}) =>
    fetch(`${server.url}/api/auth/sign-in/username`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url, ...extra },
      body: JSON.stringify({ username: phone, password }),
    });

  it('ignores a client-supplied X-Forwarded-For (or the header the server itself sets): a new value is not a new address', async () => {
    for (let i = 1; i <= 5; i++)
      expect((await signIn('13900011001', 'Wrong-pass-1', { 'X-Forwarded-For': `203.0.113.${i}` })).status).toBe(401);
    expect((await signIn('13900011001', DEMO_PASSWORD, { 'X-Forwarded-For': '203.0.113.99' })).status).toBe(429);
    expect((await signIn('13900011001', DEMO_PASSWORD, { 'X-Pufa-Client-Address': '203.0.113.98' })).status).toBe(429);
  });

  it('sets ordinary cookies (no __Secure-, no Secure) over plain http, even when the client claims https', async () => {
    const res = await signIn('13900012001', DEMO_PASSWORD, { 'X-Forwarded-Proto': 'https', 'X-Pufa-Client-Proto': 'https' });
    expect(res.status).toBe(200);
    const session = res.headers.getSetCookie().find((c) => c.includes('session_token'));
    expect(session).toMatch(/^better-auth\.session_token=/);
    expect(session).not.toMatch(/;\s*Secure/i);
    expect((await fetch(`${server.url}/api/me`, { headers: { Cookie: cookieOf(res) } })).status).toBe(200);
    expect(await login(server.url, '13900012101')).toMatch(/^better-auth\.session_token=/);
  });

  it('sends a strict Content-Security-Policy and the other security headers, but no HSTS on plain http', async () => {
    for (const path of ['/zh/login', '/api/me', '/sw.js']) {
      const res = await fetch(`${server.url}${path}`, { headers: { 'X-Forwarded-Proto': 'https', 'X-Pufa-Client-Proto': 'https' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "worker-src 'self'", "default-src 'self'"])
        expect(csp).toContain(directive);
      expect(csp).not.toMatch(/https?:|\*/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });
});
