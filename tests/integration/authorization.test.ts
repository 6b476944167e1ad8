import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/lib/roles';
import { dbKinds, login, startTestServer, type TestServer } from './support/server';

/**
 * The authorization sweep (issue 13): every route and method under app/api, asked by every role and by nobody, with
 * the status each must answer; and every write route refuses a cross-site request (Origin alone, Sec-Fetch-Site
 * alone, Origin: null). A second test walks app/api and fails when a route file or method has no row here.
 *
 * Adding a route: add one row to ROUTES below — `{ route, method, path, allowed, ok }` — where `route` is the folder
 * under app/api (as in `users/[id]/unlock`), `allowed` the roles its requireUser lets in ('signed-in' for any role,
 * 'anyone' for no sign-in), and `ok` the status an allowed role gets for the request sent (a number, or one per role).
 * Requests that an allowed role sends are chosen to change nothing (an invalid body, an unknown id).
 */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Who = Role | 'anonymous';
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PHONES: Record<Role, string> = {
  admin: '13800000001',
  publicist: '13800000002',
  cadre: '13800000003',
  villager: '13800000004',
  lawyer: '13800000005',
};
const DEMO_EXAM = 'exam-demo-annual';
const UNKNOWN = '00000000-0000-7000-8000-000000000000';
const NO_LAWS = { LAWS_DIR: '/nonexistent/pufa-laws' };

/** Ids the rows need, made in beforeAll: the cadre's own submitted attempt at the demo exam. */
interface Fixture {
  cadreAttemptId: string;
}

interface RouteRow {
  /** The folder under app/api holding route.ts. */
  route: string;
  method: Method;
  /** The URL path sent (defaults to /api/<route>); may use the fixture. */
  path?: string | ((fx: Fixture) => string);
  body?: unknown;
  /** Raw body and content type, for routes that take no JSON. */
  raw?: { body: string; type: string };
  allowed: readonly Role[] | 'signed-in' | 'anyone';
  /** The status an allowed role gets; one number for all of them, or one per role. */
  ok: number | Partial<Record<Who, number>>;
  /** Sign in afresh for this row (it ends the session it is sent with). */
  fresh?: boolean;
  note?: string;
}

const ADMIN = ['admin'] as const;

export const ROUTES: RouteRow[] = [
  // administration (issue 12) and the annual report (issue 10): admins only
  { route: 'admin/articles', method: 'GET', path: '/api/admin/articles?q=%E5%AE%85%E5%9F%BA%E5%9C%B0', allowed: ADMIN, ok: 200 },
  { route: 'admin/audit', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'admin/content', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'admin/exams/[id]/not-taken', method: 'GET', path: `/api/admin/exams/${DEMO_EXAM}/not-taken`, allowed: ADMIN, ok: 200 },
  { route: 'admin/exams/[id]', method: 'GET', path: `/api/admin/exams/${UNKNOWN}`, allowed: ADMIN, ok: 404 },
  { route: 'admin/exams/[id]', method: 'PUT', path: `/api/admin/exams/${UNKNOWN}`, body: {}, allowed: ADMIN, ok: 404 },
  // whether the server runs the demo (the login page shows the demo password only then): anyone may ask
  { route: 'demo', method: 'GET', allowed: 'anyone', ok: 200 },
  { route: 'tasks/[id]', method: 'PUT', path: `/api/tasks/${UNKNOWN}`, body: {}, allowed: ADMIN, ok: 422 },
  { route: 'tasks/[id]', method: 'DELETE', path: `/api/tasks/${UNKNOWN}`, allowed: ADMIN, ok: 404 },
  { route: 'admin/exams/[id]', method: 'PATCH', path: `/api/admin/exams/${UNKNOWN}`, body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/lessons/[id]', method: 'GET', path: `/api/admin/lessons/${UNKNOWN}`, allowed: ADMIN, ok: 404 },
  { route: 'admin/lessons/[id]', method: 'PUT', path: `/api/admin/lessons/${UNKNOWN}`, body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/lessons/[id]', method: 'PATCH', path: `/api/admin/lessons/${UNKNOWN}`, body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/lessons', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/modules/[id]', method: 'PUT', path: `/api/admin/modules/${UNKNOWN}`, body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/modules/[id]', method: 'PATCH', path: `/api/admin/modules/${UNKNOWN}`, body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/modules', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/questions', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'admin/questions', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/questions/[id]', method: 'GET', path: `/api/admin/questions/${UNKNOWN}`, allowed: ADMIN, ok: 404 },
  { route: 'admin/questions/[id]', method: 'PUT', path: `/api/admin/questions/${UNKNOWN}`, body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/questions/export', method: 'GET', path: '/api/admin/questions/export?format=csv', allowed: ADMIN, ok: 200 },
  { route: 'admin/questions/import', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/thesaurus', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'admin/thesaurus', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/users/import', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'admin/villages', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'admin/villages', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'reports/export', method: 'GET', allowed: ADMIN, ok: 422 },
  { route: 'reports/records', method: 'GET', allowed: ADMIN, ok: 422 },
  { route: 'reports/summary', method: 'GET', path: '/api/reports/summary?from=2025-01-01&to=2025-12-31', allowed: ADMIN, ok: 200 },
  { route: 'activity-locks', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'activity-themes', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'activity-themes', method: 'PATCH', body: {}, allowed: ADMIN, ok: 422 },
  // better-auth behind the allow-list (server/auth-gate.ts): two routes answer, everything else is 404 for everyone
  { route: 'auth/[...all]', method: 'GET', path: '/api/auth/get-session', allowed: 'anyone', ok: 404 },
  { route: 'auth/[...all]', method: 'POST', path: '/api/auth/sign-out', body: {}, allowed: 'anyone', ok: 200, fresh: true },
  { route: 'auth/[...all]', method: 'PUT', path: '/api/auth/update-user', body: {}, allowed: 'anyone', ok: 404 },
  { route: 'auth/[...all]', method: 'PATCH', path: '/api/auth/update-user', body: {}, allowed: 'anyone', ok: 404 },
  { route: 'auth/[...all]', method: 'DELETE', path: '/api/auth/delete-user', body: {}, allowed: 'anyone', ok: 404 },
  { route: 'consultations/[id]', method: 'GET', path: `/api/consultations/${UNKNOWN}`, allowed: 'signed-in', ok: 404 },
  { route: 'consultations/lawyers', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'consultations/report', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'consultations/settings', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'consultations/settings', method: 'PUT', body: {}, allowed: ADMIN, ok: 422 },
  {
    route: 'consultations/settings',
    method: 'POST',
    body: {},
    allowed: ADMIN,
    ok: 200,
    note: 'anonymises expired consultations: none yet',
  },
  // the demo exam is for cadres; everyone else signed in is told it is not for them
  {
    route: 'exams/[id]/paper',
    method: 'POST',
    path: `/api/exams/${DEMO_EXAM}/paper`,
    allowed: 'signed-in',
    ok: { admin: 403, publicist: 403, cadre: 200, villager: 403, lawyer: 403 },
  },
  {
    route: 'exams/[id]/ranking',
    method: 'GET',
    path: `/api/exams/${DEMO_EXAM}/ranking`,
    allowed: 'signed-in',
    ok: { admin: 200, publicist: 403, cadre: 200, villager: 403, lawyer: 403 },
  },
  { route: 'exams/[id]/stats', method: 'GET', path: `/api/exams/${DEMO_EXAM}/stats`, allowed: ADMIN, ok: 200 },
  // another user's attempt is not found; its owner is told the review opens when the exam closes
  {
    route: 'exams/review',
    method: 'GET',
    path: (fx) => `/api/exams/review?attemptId=${fx.cadreAttemptId}`,
    allowed: 'signed-in',
    ok: { admin: 404, publicist: 404, cadre: 409, villager: 404, lawyer: 404 },
  },
  { route: 'exams', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'exams', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'files/[hash]', method: 'GET', path: `/api/files/${'0'.repeat(64)}`, allowed: 'signed-in', ok: 404 },
  {
    route: 'files/[hash]',
    method: 'PUT',
    path: `/api/files/${'0'.repeat(64)}`,
    raw: { body: 'not a photo', type: 'text/plain' },
    allowed: 'signed-in',
    ok: 415,
  },
  { route: 'laws/[id]/retire', method: 'GET', path: `/api/laws/${UNKNOWN}/retire`, allowed: ADMIN, ok: 404 },
  { route: 'laws/[id]/retire', method: 'POST', path: '/api/laws/no-such-law/retire', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'laws/[id]', method: 'GET', path: `/api/laws/${UNKNOWN}`, allowed: 'signed-in', ok: 404 },
  { route: 'laws', method: 'GET', allowed: 'signed-in', ok: 200 },
  { route: 'laws', method: 'POST', raw: { body: 'x', type: 'text/plain' }, allowed: ADMIN, ok: 400 },
  { route: 'me/password', method: 'POST', body: {}, allowed: 'signed-in', ok: 422 },
  { route: 'me', method: 'GET', allowed: 'signed-in', ok: 200 },
  { route: 'me', method: 'PATCH', body: { elderMode: 'yes' }, allowed: 'signed-in', ok: 422 },
  { route: 'org-units', method: 'GET', allowed: 'signed-in', ok: 200 },
  { route: 'quiz/bank', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'report', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'sync/pull', method: 'GET', path: '/api/sync/pull?cursor=-1', allowed: 'signed-in', ok: 422 },
  { route: 'sync/push', method: 'POST', body: {}, allowed: 'signed-in', ok: 422 },
  { route: 'tasks', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'tasks', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
  { route: 'users/[id]/unlock', method: 'POST', path: `/api/users/${UNKNOWN}/unlock`, allowed: ADMIN, ok: 404 },
  { route: 'users/[id]', method: 'PATCH', path: `/api/users/${UNKNOWN}`, body: { disabled: false }, allowed: ADMIN, ok: 404 },
  { route: 'users', method: 'GET', allowed: ADMIN, ok: 200 },
  { route: 'users', method: 'POST', body: {}, allowed: ADMIN, ok: 422 },
];

const apiDir = path.resolve('app/api');

/** Every route.ts under app/api with the methods it exports (`export const GET` or `export { handler as GET }`). */
function routeFiles(): { route: string; methods: Method[] }[] {
  const found: { route: string; methods: Method[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = readFileSync(full, 'utf8');
        const methods = METHODS.filter((m) =>
          new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\bas\\s+${m}\\b`).test(source),
        );
        found.push({ route: path.relative(apiDir, dir).split(path.sep).join('/'), methods });
      }
    }
  };
  walk(apiDir);
  return found;
}

const expectedFor = (row: RouteRow, who: Who): number => {
  if (who === 'anonymous') return row.allowed === 'anyone' ? (typeof row.ok === 'number' ? row.ok : row.ok.anonymous!) : 401;
  if (row.allowed !== 'anyone' && row.allowed !== 'signed-in' && !row.allowed.includes(who)) return 403;
  const ok = typeof row.ok === 'number' ? row.ok : row.ok[who];
  if (ok === undefined) throw new Error(`row ${row.method} ${row.route} names no status for ${who}`);
  return ok;
};
const isWrite = (row: RouteRow) => row.method !== 'GET';

describe('the authorization table', () => {
  it('has a row for every route file and exported method under app/api, and none for a route that is gone', () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const { route, methods } of files)
      for (const method of methods)
        if (!ROUTES.some((r) => r.route === route && r.method === method))
          missing.push(
            `app/api/${route}/route.ts exports ${method}: add to ROUTES in tests/integration/authorization.test.ts ` +
              `{ route: '${route}', method: '${method}', allowed: [...roles] | 'signed-in' | 'anyone', ok: <status for an allowed role> }`,
          );
    const stale = ROUTES.filter((r) => !files.some((f) => f.route === r.route && f.methods.includes(r.method))).map(
      (r) => `ROUTES has ${r.method} ${r.route} but app/api/${r.route}/route.ts does not export it: remove the row`,
    );
    expect([...missing, ...stale]).toEqual([]);
  });
});

describe.each(dbKinds)('authorization on %s', (kind) => {
  let server: TestServer;
  const cookies = {} as Record<Role, string>;
  const fx = {} as Fixture;

  const send = (row: RouteRow, cookie: string | undefined, headers: Record<string, string> = {}) => {
    const url = `${server.url}${typeof row.path === 'function' ? row.path(fx) : (row.path ?? `/api/${row.route}`)}`;
    const body = row.raw ? row.raw.body : row.body === undefined ? undefined : JSON.stringify(row.body);
    const type = row.raw ? row.raw.type : 'application/json';
    return fetch(url, {
      method: row.method,
      redirect: 'manual',
      headers: {
        ...(body !== undefined ? { 'Content-Type': type } : {}),
        ...(cookie ? { Cookie: cookie } : {}),
        ...(isWrite(row) ? { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' } : {}),
        ...headers,
      },
      body,
    });
  };

  beforeAll(async () => {
    server = await startTestServer(kind, NO_LAWS);
    for (const role of ROLES) cookies[role] = await login(server.url, PHONES[role]);
    // the cadre submits an attempt at the demo exam (still open, so its review is 409 for them, 404 for the rest)
    const paperRes = await fetch(`${server.url}/api/exams/${DEMO_EXAM}/paper`, {
      method: 'POST',
      headers: { Cookie: cookies.cadre, Origin: server.url },
    });
    expect(paperRes.status).toBe(200);
    const { paper } = (await paperRes.json()) as { paper: { id: string; downloadedAt: string } };
    const attemptId = uuidv7();
    const push = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookies.cadre, Origin: server.url },
      body: JSON.stringify({
        deviceId: uuidv7(),
        ops: [
          {
            id: uuidv7(),
            seq: 1,
            type: 'exam.submit',
            createdAt: new Date().toISOString(),
            payload: {
              attemptId,
              examId: DEMO_EXAM,
              paperId: paper.id,
              startedAt: paper.downloadedAt,
              submittedAt: new Date().toISOString(),
              answers: {},
            },
          },
        ],
      }),
    });
    expect(((await push.json()) as { results: { status: string }[] }).results[0]!.status).toBe('applied');
    const row = await server.db.db.selectFrom('examAttempt').select('id').where('paperId', '=', paper.id).executeTakeFirstOrThrow();
    fx.cadreAttemptId = row.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(ROUTES.map((row) => [`${row.method} /api/${row.route}`, row] as const))(
    '%s answers each role and anonymous as the table says',
    async (_, row) => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const who of ['anonymous', ...ROLES] as Who[]) {
        const cookie = who === 'anonymous' ? undefined : row.fresh ? await login(server.url, PHONES[who]) : cookies[who];
        const res = await send(row, cookie);
        await res.arrayBuffer();
        got[who] = res.status;
        want[who] = expectedFor(row, who);
      }
      expect(got).toEqual(want);
    },
  );

  const writes = ROUTES.filter((r) => isWrite(r) && !(r.route === 'auth/[...all]' && r.method !== 'POST'));
  it.each(writes.map((row) => [`${row.method} /api/${row.route}`, row] as const))(
    '%s refuses a cross-site request by Origin alone, by Sec-Fetch-Site alone, and from Origin: null',
    async (_, row) => {
      const cookie = row.fresh ? await login(server.url, PHONES.admin) : cookies.admin;
      const crossSite: Record<string, string>[] = [
        { Origin: 'https://evil.example' },
        { 'Sec-Fetch-Site': 'cross-site' },
        { 'Sec-Fetch-Site': 'same-site' },
        { Origin: 'null' },
      ];
      for (const headers of crossSite) {
        // only the one header: the same-origin defaults of send() are dropped
        const res = await fetch(`${server.url}${typeof row.path === 'function' ? row.path(fx) : (row.path ?? `/api/${row.route}`)}`, {
          method: row.method,
          headers: { 'Content-Type': row.raw?.type ?? 'application/json', Cookie: cookie, ...headers },
          body: row.raw ? row.raw.body : JSON.stringify(row.body ?? {}),
        });
        const body = (await res.json()) as { code?: string };
        expect({ headers, status: res.status, code: body.code }).toEqual({ headers, status: 403, code: 'CROSS_SITE' });
      }
    },
  );
});
