import 'server-only';
import type { z } from 'zod';
import type { Role } from '@/lib/roles';
import { issueKey } from '@/lib/validations/field-errors';
import { bilingual, type MessageParams } from './messages';
import { currentUser, type SessionUser } from './session';

export { bilingual };

/**
 * Every error answer is `{ error, code, params?, fields? }`: `code` is stable and the phone shows it in the reader's
 * language from the `errors` catalogue; `fields` hold `validation.*` message keys; `error` is the text in both
 * languages, for logs and for whoever calls the API by hand.
 */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'NOT_SIGNED_IN',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'TOO_LARGE',
  422: 'INVALID',
  429: 'TOO_MANY',
};

/** Small helpers that keep route handlers to: authenticate → validate → call server/ → explicit status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
    readonly code: string = CODE_BY_STATUS[status] ?? 'ERROR',
    readonly headers: Record<string, string> = {},
    readonly params?: MessageParams,
  ) {
    super(message);
  }
}

/** An HttpError whose text comes from the `errors` catalogue under its code. */
export function httpError(status: number, code: string, params?: MessageParams, fields?: Record<string, string>) {
  return new HttpError(status, bilingual(`errors.${code}`, params), fields, code, {}, params);
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError)
    return json({ error: error.message, code: error.code, params: error.params, fields: error.fields }, error.status, error.headers);
  console.error(error);
  return json({ error: bilingual('errors.SERVER_ERROR'), code: 'SERVER_ERROR' }, 500);
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

/**
 * The signed-in user, who may use the app: 401 without a session, 403 PASSWORD_CHANGE_REQUIRED while an
 * administrator's reset waits for them to choose their own password (only GET /api/me and POST /api/me/password
 * answer them then), 403 when their role is not among `roles`.
 */
export async function requireUser(request: Request, roles?: readonly Role[]): Promise<SessionUser> {
  const user = await currentUser(request.headers);
  if (!user) throw httpError(401, 'NOT_SIGNED_IN');
  if (user.mustChangePassword) throw httpError(403, 'PASSWORD_CHANGE_REQUIRED');
  if (roles && !roles.includes(user.role)) throw httpError(403, roles.length === 1 && roles[0] === 'admin' ? 'ADMIN_ONLY' : 'FORBIDDEN');
  return user;
}

/** Refuses requests sent from another site (a form or script on a foreign page riding the session cookie). */
export function requireSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw httpError(403, 'CROSS_SITE');
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin) {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    // `Origin: null` (a sandboxed frame, a file, a redirect across sites) is no URL at all: refused like any stranger.
    if (!host || !URL.canParse(origin) || new URL(origin).host !== host) throw httpError(403, 'CROSS_SITE');
  }
}

function tooLarge(maxBytes: number): HttpError {
  return httpError(413, 'TOO_LARGE', { limitKb: Math.round(maxBytes / 1024) });
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
    throw httpError(400, 'BAD_JSON');
  }
  return validated(schema, raw);
}

/** The value if the schema accepts it; else 422 INVALID with one message key per field for the form to show. */
export function validated<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issueKey(issue);
    const summary = Object.entries(fields).map(
      ([field, key]) => `${field}: ${bilingual(key.startsWith('validation.') ? key : `errors.${key}`)}`,
    );
    throw new HttpError(422, summary.join('; '), fields, 'INVALID');
  }
  return parsed.data;
}

/** The request's query string, validated like a body. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return validated(schema, Object.fromEntries(new URL(request.url).searchParams));
}
