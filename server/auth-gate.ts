import 'server-only';
import { recordAudit } from './audit';
import { z } from 'zod';
import { PHONE_PATTERN } from '@/lib/validations/phone';
import { auth } from './auth';
import { clientOf } from './client';
import { ready } from './db';
import { errorResponse, httpError, json, readBody, requireSameOrigin } from './http';
import { reserveAttempt, settleAttempt } from './login-lock';
import { forgetSession } from './session-cache';

/**
 * The only door to better-auth over HTTP. better-auth mounts dozens of routes (email sign-in, update-user,
 * is-username-available, the admin plugin's create-user/set-role/set-user-password, list-sessions…); the app uses
 * two, so those two answer and everything else is 404: an allow-list, so a route added by an upgrade stays shut.
 * Every body is read to at most AUTH_MAX_BODY_BYTES before better-auth sees it.
 */
const AUTH_MAX_BODY_BYTES = 4 * 1024;
const ALLOWED: Record<string, string> = {
  '/sign-in/username': 'POST',
  '/sign-out': 'POST',
};

const signInSchema = z.object({
  username: z.string().max(32),
  password: z.string().max(128),
  rememberMe: z.boolean().optional(),
});

/** One answer for a wrong password, an unknown phone and a disabled account: none says whether a phone has an account. */
function invalidCredentials(): Response {
  return json({ code: 'INVALID_CREDENTIALS', message: 'Invalid phone number or password' }, 401);
}

export function lockedResponse(until: Date): Response {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return json({ code: 'LOGIN_LOCKED', message: `ACCOUNT_LOCKED:${until.toISOString()}`, until: until.toISOString() }, 429, {
    'Retry-After': String(seconds),
  });
}

export async function authGate(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, '');
  if (ALLOWED[path] !== request.method) return errorResponse(httpError(404, 'NOT_FOUND'));
  requireSameOrigin(request);
  const body = await readBody(request, AUTH_MAX_BODY_BYTES);
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  const forwarded = new Request(request.url, { method: request.method, headers, body });
  const client = clientOf(request.headers);
  if (path === '/sign-in/username') return signIn(forwarded, body, client);
  await ready();
  const response = await auth(client.https).handler(forwarded);
  // Signed out: the session row is gone (so a cached copy is refused anyway); the cache lets go of it too.
  forgetSession(request.headers);
  return response;
}

async function signIn(request: Request, body: Uint8Array, client: ReturnType<typeof clientOf>): Promise<Response> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw httpError(400, 'BAD_JSON');
  }
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw httpError(422, 'CREDENTIALS_REQUIRED');
  const phone = parsed.data.username.trim();
  // No account can have such a name, and no password gets checked.
  if (!PHONE_PATTERN.test(phone)) return invalidCredentials();

  const { db } = await ready();
  const verdict = await reserveAttempt(db, phone, client.address);
  if (!verdict.allowed) return lockedResponse(verdict.until);
  let response: Response;
  try {
    response = await auth(client.https).handler(request);
  } catch (error) {
    await settleAttempt(db, phone, client.address, 'unjudged');
    throw error;
  }
  if (response.ok) {
    await settleAttempt(db, phone, client.address, 'right');
    await auditSignIn(db, phone, 'sign-in');
    return response;
  }
  const answer = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { code?: string };
  if (response.status === 401 || answer.code === 'BANNED_USER') {
    await settleAttempt(db, phone, client.address, 'wrong');
    await auditSignIn(db, phone, 'sign-in-failed');
    return invalidCredentials();
  }
  await settleAttempt(db, phone, client.address, 'unjudged');
  return response;
}

/** Sign-ins and failed sign-ins go to the audit log (管理 → 审计日志), by the phone number that was tried. */
async function auditSignIn(
  db: Awaited<ReturnType<typeof ready>>['db'],
  phone: string,
  action: 'sign-in' | 'sign-in-failed',
): Promise<void> {
  const who = await db.selectFrom('user').select(['id', 'role']).where('username', '=', phone).executeTakeFirst();
  await recordAudit(db, { actorId: who?.id ?? '', actorRole: who?.role ?? '', action, subjectKind: 'phone', subjectId: phone });
}
