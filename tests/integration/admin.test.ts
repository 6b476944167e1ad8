import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, login, startTestServer, type TestServer } from './support/server';

/**
 * Administration over HTTP on SQLite and PostgreSQL. The list of admin routes is read from app/api itself: every
 * exported handler whose body requires the admin role, so a new admin route is covered without editing this test.
 */
function adminRoutes(): { method: string; url: string }[] {
  const found: { method: string; url: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'route.ts') {
        const source = readFileSync(full, 'utf8');
        const url =
          '/' +
          path
            .relative('app', path.dirname(full))
            .split(path.sep)
            .join('/')
            .replace(/\[\.\.\.\w+\]/g, 'x')
            .replace(/\[\w+\]/g, 'x');
        const blocks = source.split(/(?=export const (?:GET|POST|PUT|PATCH|DELETE)\b)/);
        for (const block of blocks) {
          const method = /^export const (GET|POST|PUT|PATCH|DELETE)\b/.exec(block)?.[1];
          if (method && /requireUser\(request, \['admin'\]\)/.test(block)) found.push({ method, url });
        }
      }
    }
  };
  walk('app/api');
  return found;
}

describe.each(dbKinds)('administration on %s', (kind) => {
  let server: TestServer;
  let admin: string;
  const routes = adminRoutes();

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await login(server.url, '13800000001');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 403 to a cadre and a lawyer on every admin route', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes).toContainEqual({ method: 'POST', url: '/api/admin/questions/import' });
    for (const phone of ['13800000003', '13800000005']) {
      const cookie = await login(server.url, phone);
      for (const route of routes) {
        const res = await fetch(`${server.url}${route.url}`, {
          method: route.method,
          headers: { Cookie: cookie, 'Content-Type': 'application/json' },
          body: route.method === 'GET' ? undefined : '{}',
        });
        expect({ ...route, status: res.status }).toEqual({ ...route, status: 403 });
      }
    }
  });

  it('ends a disabled user’s session at once, on every route, and audits it with the sign-ins', async () => {
    const villager = await login(server.url, '13800000004');
    const me = (await (await fetch(`${server.url}/api/me`, { headers: { Cookie: villager } })).json()) as { id: string };
    expect((await fetch(`${server.url}/api/sync/pull?cursor=0`, { headers: { Cookie: villager } })).status).toBe(200);
    const off = await fetch(`${server.url}/api/users/${me.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: admin },
      body: JSON.stringify({ disabled: true }),
    });
    expect(off.status).toBe(200);
    expect((await fetch(`${server.url}/api/sync/pull?cursor=0`, { headers: { Cookie: villager } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/me`, { headers: { Cookie: villager } })).status).toBe(401);
    await expect(login(server.url, '13800000004')).rejects.toThrow();
    await expect(login(server.url, '13800000002', 'Wrong-pass-1')).rejects.toThrow();

    const audit = async (action: string) =>
      (
        (await (await fetch(`${server.url}/api/admin/audit?action=${action}`, { headers: { Cookie: admin } })).json()) as {
          rows: { subjectId: string; actorPhone: string | null }[];
        }
      ).rows;
    expect((await audit('sign-in')).map((r) => r.subjectId)).toContain('13800000004');
    expect((await audit('sign-in-failed')).map((r) => r.subjectId)).toContain('13800000002');
    expect((await audit('user-disabled')).map((r) => r.subjectId)).toContain(me.id);
  });

  it('publishes a lesson to phones and imports a question file only when every row is right', async () => {
    const cadre = await login(server.url, '13800000003');
    const { cursor } = (await (await fetch(`${server.url}/api/sync/pull?cursor=0`, { headers: { Cookie: cadre } })).json()) as {
      cursor: number;
    };
    const post = (url: string, body: unknown, method = 'POST') =>
      fetch(`${server.url}${url}`, { method, headers: { 'Content-Type': 'application/json', Cookie: admin }, body: JSON.stringify(body) });
    const created = await post('/api/admin/lessons', {
      moduleId: 'xianfa',
      title: '村规民约不能违反宪法',
      titleEn: 'Village rules may not contradict the Constitution',
      minutes: 3,
      body: '村规民约由村民会议制定。',
      cites: [],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const before = (await (await fetch(`${server.url}/api/sync/pull?cursor=${cursor}`, { headers: { Cookie: cadre } })).json()) as {
      lessons: unknown[];
    };
    expect(before.lessons).toEqual([]);
    expect((await post(`/api/admin/lessons/${id}`, { action: 'publish' }, 'PATCH')).status).toBe(200);
    const after = (await (await fetch(`${server.url}/api/sync/pull?cursor=${cursor}`, { headers: { Cookie: cadre } })).json()) as {
      lessons: { title: string }[];
    };
    expect(after.lessons.map((l) => l.title)).toEqual(['村规民约不能违反宪法']);

    const exported = await fetch(`${server.url}/api/admin/questions/export?format=csv`, { headers: { Cookie: admin } });
    expect(exported.status).toBe(200);
    const csv = await exported.text();
    const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const bad = Buffer.from(`${header}\r\n${first}\r\n${first!.replace(/,(?:[A-E]+|对|错),/, ',,')}\r\n`).toString('base64');
    const refused = await post('/api/admin/questions/import', { fileName: 'bank.csv', data: bad, confirm: true });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { bad: number }).bad).toBe(1);
  });

  it('edits every part of an exam before it opens, and afterwards only its window and audience', async () => {
    const send = (method: string, url: string, body?: unknown) =>
      fetch(`${server.url}${url}`, {
        method,
        headers: { 'Content-Type': 'application/json', Cookie: admin },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const hour = 3600_000;
    const created = await send('POST', '/api/exams', {
      title: '秋季学法考试',
      roles: ['cadre'],
      orgUnitIds: ['org-town'],
      opensAt: new Date(Date.now() + 24 * hour).toISOString(),
      closesAt: new Date(Date.now() + 48 * hour).toISOString(),
      timeLimitMinutes: 30,
      passMark: 60,
      maxAttempts: 1,
      countingRule: 'last',
      review: 'full',
      paper: { mode: 'random', rules: [{ tag: null, type: 'single', count: 2 }] },
    });
    expect(created.status).toBe(201);
    const { id } = ((await created.json()) as { exam: { id: string } }).exam;
    const url = `/api/admin/exams/${id}`;

    const before = await send('PUT', url, {
      title: '秋季学法考试（修订）',
      passMark: 80,
      timeLimitMinutes: 45,
      paper: { mode: 'random', rules: [{ tag: null, type: 'truefalse', count: 3 }] },
    });
    expect(before.status).toBe(200);
    const edited = (await (await send('GET', url)).json()) as {
      exam: { title: string; passMark: number; timeLimitMinutes: number; questionCount: number; paper: unknown };
      opened: boolean;
    };
    expect(edited).toMatchObject({
      opened: false,
      exam: { title: '秋季学法考试（修订）', passMark: 80, timeLimitMinutes: 45, questionCount: 3 },
    });
    expect(edited.exam.paper).toEqual({ mode: 'random', rules: [{ tag: null, type: 'truefalse', count: 3 }] });

    // Opening it now (the window may always change); from here on the paper and rules stay as learners found them.
    expect((await send('PUT', url, { opensAt: new Date(Date.now() - hour).toISOString() })).status).toBe(200);
    const refused = await send('PUT', url, { passMark: 50, title: '改名' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'EXAM_OPENED', params: { fields: 'title, passMark' } });
    const paperRefused = await send('PUT', url, { paper: { mode: 'random', rules: [{ tag: null, type: 'single', count: 1 }] } });
    expect(paperRefused.status).toBe(409);
    const closesAt = new Date(Date.now() + 72 * hour).toISOString();
    const after = await send('PUT', url, { closesAt, roles: ['cadre', 'villager'], orgUnitIds: ['org-town'] });
    expect(after.status).toBe(200);
    expect(await (await send('GET', url)).json()).toMatchObject({
      opened: true,
      exam: { title: '秋季学法考试（修订）', passMark: 80, closesAt, roles: ['cadre', 'villager'] },
    });
  });
});
