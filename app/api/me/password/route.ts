import { changePasswordSchema } from '@/lib/validations/user';
import { changePassword } from '@/server/account';
import { clientOf } from '@/server/client';
import { ready } from '@/server/db';
import { handle, httpError, json, readJson, requireSameOrigin } from '@/server/http';
import { currentSession } from '@/server/session';

/** Changes the signed-in user's password; their other sessions end, this one stays. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const session = await currentSession(request.headers);
  if (!session) throw httpError(401, 'NOT_SIGNED_IN');
  const input = await readJson(request, changePasswordSchema, 4 * 1024);
  const { db } = await ready();
  await changePassword(db, session.user, session.sessionId, clientOf(request.headers), input);
  return json({ changed: true });
});
