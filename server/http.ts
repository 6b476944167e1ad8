import 'server-only';
import type { z } from 'zod';
import type { Role } from '@/lib/roles';
import { currentUser, type SessionUser } from './session';

/** Small helpers that keep route handlers to: authenticate → validate → call server/ → explicit status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return json({ error: error.message, fields: error.fields }, error.status);
  console.error(error);
  return json({ error: '服务器出错，请稍后再试 / server error, please try again later' }, 500);
}

/** Wraps a handler so an HttpError becomes its status and anything else a logged 500. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export async function requireUser(request: Request, roles?: readonly Role[]): Promise<SessionUser> {
  const user = await currentUser(request.headers);
  if (!user) throw new HttpError(401, '请先登录 / please sign in');
  if (roles && !roles.includes(user.role)) throw new HttpError(403, '没有权限 / you are not allowed to do this');
  return user;
}

/** Refuses requests sent from another site (a form or script on a foreign page riding the session cookie). */
export function requireSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw new HttpError(403, '拒绝跨站请求 / cross-site request refused');
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin) {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    if (!host || new URL(origin).host !== host) throw new HttpError(403, '拒绝跨站请求 / cross-site request refused');
  }
}

/** Reads a JSON body of at most maxBytes and validates it; 413, 400 and 422 say what went wrong. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = 64 * 1024): Promise<z.infer<S>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes)
    throw new HttpError(
      413,
      `请求过大（上限 ${Math.round(maxBytes / 1024)} KB） / request body too large (limit ${Math.round(maxBytes / 1024)} KB)`,
    );
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new HttpError(
      413,
      `请求过大（上限 ${Math.round(maxBytes / 1024)} KB） / request body too large (limit ${Math.round(maxBytes / 1024)} KB)`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new HttpError(400, '请求不是有效的 JSON / request body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    const summary = Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ');
    throw new HttpError(422, summary, fields);
  }
  return parsed.data;
}
