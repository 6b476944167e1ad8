import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/server/session';

/**
 * The guards every route handler goes through (server/http.ts), in process so mutation testing can reach them:
 * the cross-site check by Sec-Fetch-Site alone and by Origin alone, the role check, and the answers they give.
 */
let signedIn: SessionUser | null = null;
vi.mock('@/server/session', () => ({ currentUser: async () => signedIn }));
const { HttpError, errorResponse, handle, json, readBody, readJson, readQuery, requireSameOrigin, requireUser } =
  await import('@/server/http');

const URL_ = 'http://10.0.0.5:3000/api/x';
const req = (headers: Record<string, string>, url = URL_) => new Request(url, { method: 'POST', headers });
function refusal(run: () => unknown): { status: number; code?: string; message: string } | 'allowed' {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { status: error.status, code: error.code, message: error.message };
  }
}
const CROSS = { status: 403, code: 'CROSS_SITE', message: '拒绝跨站请求 / Cross-site request refused' };

describe('requireSameOrigin', () => {
  it('lets through a request with neither header (curl, an old browser) and one the browser marks same-origin or none', () => {
    expect(refusal(() => requireSameOrigin(req({})))).toBe('allowed');
    expect(refusal(() => requireSameOrigin(req({ 'Sec-Fetch-Site': 'same-origin' })))).toBe('allowed');
    expect(refusal(() => requireSameOrigin(req({ 'Sec-Fetch-Site': 'none' })))).toBe('allowed');
  });

  it('refuses by Sec-Fetch-Site alone: cross-site and same-site', () => {
    expect(refusal(() => requireSameOrigin(req({ 'Sec-Fetch-Site': 'cross-site' })))).toEqual(CROSS);
    expect(refusal(() => requireSameOrigin(req({ 'Sec-Fetch-Site': 'same-site' })))).toEqual(CROSS);
  });

  it('refuses by Origin alone: another site, and Origin: null', () => {
    expect(refusal(() => requireSameOrigin(req({ Origin: 'https://evil.example' })))).toEqual(CROSS);
    expect(refusal(() => requireSameOrigin(req({ Origin: 'null' })))).toEqual(CROSS);
  });

  it('accepts the Origin of the URL itself, or of the Host the browser used (behind the wrapper or a proxy)', () => {
    expect(refusal(() => requireSameOrigin(req({ Origin: 'http://10.0.0.5:3000' })))).toBe('allowed');
    expect(refusal(() => requireSameOrigin(req({ Origin: 'http://pufa.example', Host: 'pufa.example' })))).toBe('allowed');
    expect(refusal(() => requireSameOrigin(req({ Origin: 'https://pufa.example', 'X-Forwarded-Host': 'pufa.example' })))).toBe('allowed');
  });

  it('prefers X-Forwarded-Host over Host, and refuses an Origin that matches neither', () => {
    expect(
      refusal(() => requireSameOrigin(req({ Origin: 'http://pufa.example', Host: 'pufa.example', 'X-Forwarded-Host': 'other.example' }))),
    ).toEqual(CROSS);
    expect(refusal(() => requireSameOrigin(req({ Origin: 'http://evil.example', Host: 'pufa.example' })))).toEqual(CROSS);
  });

  it('refuses a same-origin Origin when Sec-Fetch-Site says cross-site', () => {
    expect(refusal(() => requireSameOrigin(req({ Origin: 'http://10.0.0.5:3000', 'Sec-Fetch-Site': 'cross-site' })))).toEqual(CROSS);
  });
});

describe('requireUser', () => {
  const user = (role: SessionUser['role']): SessionUser => ({
    id: 'u1',
    name: '马',
    phone: '13800000003',
    role,
    orgUnitId: null,
    legalLiterate: false,
    legalLiterateSince: null,
    mustChangePassword: false,
  });
  beforeEach(() => {
    signedIn = null;
  });
  const outcome = async (roles?: SessionUser['role'][]) => {
    try {
      return (await requireUser(req({}), roles)).role;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return `${error.status} ${error.message}`;
    }
  };

  it('answers 401 with no session, 403 to a role not listed, and the user to a listed role or any role', async () => {
    expect(await outcome()).toBe('401 请先登录 / Please sign in');
    expect(await outcome(['admin'])).toBe('401 请先登录 / Please sign in');
    signedIn = user('cadre');
    expect(await outcome(['admin'])).toBe('403 仅限管理员 / Administrators only');
    expect(await outcome(['admin', 'cadre'])).toBe('cadre');
    expect(await outcome()).toBe('cadre');
  });

  it('answers 403 PASSWORD_CHANGE_REQUIRED to a user whose password an administrator reset, whatever the role', async () => {
    signedIn = { ...user('admin'), mustChangePassword: true };
    expect(await outcome(['admin'])).toBe(
      '403 管理员重置了你的密码，请先设置自己的新密码。 / An administrator reset your password: choose your own new password first.',
    );
    expect(await outcome()).toMatch(/^403 /);
  });

  it('says ADMIN_ONLY only to a route for administrators alone, FORBIDDEN to any other list of roles', async () => {
    signedIn = user('villager');
    const code = (roles: SessionUser['role'][]) =>
      requireUser(req({}), roles).then(
        () => 'allowed',
        (error: unknown) => (error instanceof HttpError ? error.code : 'crash'),
      );
    expect(await code(['admin'])).toBe('ADMIN_ONLY');
    expect(await code(['cadre'])).toBe('FORBIDDEN');
    expect(await code(['admin', 'cadre'])).toBe('FORBIDDEN');
    expect(await code(['cadre', 'admin'])).toBe('FORBIDDEN');
  });
});

describe('answers', () => {
  it('json() sets the status, no-store and extra headers', async () => {
    const res = json({ a: 1 }, 201, { 'X-Test': 'y' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-test')).toBe('y');
    expect(await res.json()).toEqual({ a: 1 });
    expect(json({}).status).toBe(200);
  });

  it('turns an HttpError into its status, message, code, fields and headers, and anything else into a 500', async () => {
    const res = errorResponse(new HttpError(429, 'slow down', { phone: 'bad' }, 'LOCKED', { 'Retry-After': '60' }));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toEqual({ error: 'slow down', code: 'LOCKED', fields: { phone: 'bad' } });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const crash = errorResponse(new Error('boom'));
    expect(crash.status).toBe(500);
    expect(await crash.json()).toEqual({ code: 'SERVER_ERROR', error: '服务器出错，请稍后再试 / Server error, please try again later' });
  });

  it('handle() passes a response through and catches what the handler throws', async () => {
    const ok = handle(async (n: number) => json({ n }, 202));
    expect((await ok(3)).status).toBe(202);
    const refused = handle(async () => {
      throw new HttpError(403, 'no');
    });
    expect((await refused()).status).toBe(403);
  });
});

describe('readJson', () => {
  const schema = z.object({ name: z.string().min(2), place: z.object({ village: z.string() }) });
  const post = (body: string) => new Request(URL_, { method: 'POST', body });
  const failure = async (body: string) => {
    try {
      await readJson(post(body), schema);
      return null;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return { status: error.status, code: error.code, message: error.message, fields: error.fields };
    }
  };

  it('answers 400 to a body that is not JSON', async () => {
    expect(await failure('{nope')).toMatchObject({ status: 400, code: 'BAD_JSON', fields: undefined });
  });

  it('answers 422 naming each field by its dotted path, the first message per field, and "_" for the body itself', async () => {
    const bad = await failure(JSON.stringify({ name: 'x', place: {} }));
    expect(bad!.status).toBe(422);
    expect(Object.keys(bad!.fields!)).toEqual(['name', 'place.village']);
    // fields carry message keys the phone translates; the message names each field for the log
    expect(bad!.fields).toEqual({ name: 'validation.too_small', 'place.village': 'validation.invalid_type' });
    expect(bad!.message).toMatch(/^name: .+; place\.village: .+$/);
    const notObject = await failure('3');
    expect(Object.keys(notObject!.fields!)).toEqual(['_']);
  });

  it('returns the parsed body when it is valid', async () => {
    expect(await readJson(post(JSON.stringify({ name: '马兰', place: { village: '东山村' } })), schema)).toEqual({
      name: '马兰',
      place: { village: '东山村' },
    });
  });
});

describe('readBody at its limit', () => {
  const chunked = (...parts: string[]) =>
    new Request(URL_, {
      method: 'POST',
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
  const declared = (body: string) => new Request(URL_, { method: 'POST', headers: { 'Content-Length': String(body.length) }, body });
  const refusal = (body: Promise<unknown>) =>
    body.then(
      () => 'read',
      (error: unknown) => (error instanceof HttpError ? { status: error.status, code: error.code, params: error.params } : 'crash'),
    );
  const TOO_LARGE = { status: 413, code: 'TOO_LARGE', params: { limitKb: 2 } };

  it('reads a body of exactly the limit, in several chunks, in order', async () => {
    expect(new TextDecoder().decode(await readBody(chunked('ab', 'cd', 'ef'), 6))).toBe('abcdef');
    expect(await refusal(readBody(chunked('x'.repeat(1024), 'x'.repeat(1025)), 2048))).toEqual(TOO_LARGE);
  });

  it('takes a declared length of exactly the limit and refuses one byte more, saying the limit in KB', async () => {
    expect((await readBody(declared('x'.repeat(2048)), 2048)).byteLength).toBe(2048);
    expect(await refusal(readBody(declared('x'.repeat(2049)), 2048))).toEqual(TOO_LARGE);
  });

  it('reads a request with no body as empty', async () => {
    expect((await readBody(new Request(URL_, { method: 'POST' }), 10)).byteLength).toBe(0);
  });
});

describe('codes and queries', () => {
  it('gives an HttpError the code of its status, and ERROR for a status without one', () => {
    expect(new HttpError(404, 'x').code).toBe('NOT_FOUND');
    expect(new HttpError(418, 'x').code).toBe('ERROR');
  });

  it('reads and validates the query string like a body', () => {
    const schema = z.object({ from: z.iso.date() });
    expect(readQuery(new Request(`${URL_}?from=2025-01-01`), schema)).toEqual({ from: '2025-01-01' });
    try {
      readQuery(new Request(`${URL_}?from=2025-13-01`), schema);
      expect.unreachable('a bad date is refused');
    } catch (error) {
      expect(error).toMatchObject({ status: 422, code: 'INVALID', fields: { from: 'validation.invalid_format' } });
      expect((error as Error).message).toMatch(/^from: /);
    }
  });
});
