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
    /** A stable code the client maps to a message in the reader's language (locales/*.json). */
    readonly code?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError)
    return json({ error: error.message, code: error.code, fields: error.fields }, error.status, error.headers);
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
  if (site && site !== 'same-origin' && site !== 'none')
    throw new HttpError(403, '拒绝跨站请求 / cross-site request refused', undefined, 'CROSS_SITE');
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin) {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    // `Origin: null` (a sandboxed frame, a file, a redirect across sites) is no URL at all: refused like any stranger.
    if (!host || !URL.canParse(origin) || new URL(origin).host !== host)
      throw new HttpError(403, '拒绝跨站请求 / cross-site request refused', undefined, 'CROSS_SITE');
  }
}

function tooLarge(maxBytes: number): HttpError {
  const kb = Math.round(maxBytes / 1024);
  return new HttpError(413, `请求过大（上限 ${kb} KB） / request body too large (limit ${kb} KB)`, undefined, 'BODY_TOO_LARGE');
}

/**
 * Reads a request body of at most maxBytes. A declared Content-Length over the limit is refused before reading; a
 * chunked body is read only until it passes the limit, then the stream is cancelled, so no client can make the
 * server hold more than maxBytes of it.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Reads a JSON body of at most maxBytes and validates it; 413, 400 and 422 say what went wrong. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = 64 * 1024): Promise<z.infer<S>> {
  const text = new TextDecoder().decode(await readBody(request, maxBytes));
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
