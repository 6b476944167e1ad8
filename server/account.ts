import 'server-only';
import type { ChangePasswordInput, ProfileInput } from '@/lib/validations/user';
import { lockedResponse } from './auth-gate';
import type { Client } from './client';
import type { Db } from './db/client';
import { bilingual, HttpError, httpError } from './http';
import { reserveAttempt, settleAttempt } from './login-lock';
import { hashPassword, verifyPassword } from './passwords';
import { forgetUserSessions } from './session-cache';

/**
 * What people may change about their own account: their display name, and their password (after proving the
 * current one, which counts toward the same wrong-password lock as signing in). Phone, role and unit are an
 * administrator's to set (server/users.ts).
 */
export async function updateProfile(db: Db, userId: string, input: ProfileInput): Promise<void> {
  await db.updateTable('user').set({ name: input.name, updatedAt: new Date() }).where('id', '=', userId).execute();
  forgetUserSessions(userId);
}

/**
 * Changes the password, lifts an administrator's demand to change it, and ends every other session of the user; a
 * wrong current password answers 401.
 */
export async function changePassword(
  db: Db,
  user: { id: string; phone: string },
  keepSessionId: string,
  client: Client,
  input: ChangePasswordInput,
): Promise<void> {
  const verdict = await reserveAttempt(db, user.phone, client.address);
  if (!verdict.allowed) {
    const locked = lockedResponse(verdict.until);
    throw new HttpError(429, bilingual('errors.LOGIN_LOCKED'), undefined, 'LOGIN_LOCKED', {
      'Retry-After': locked.headers.get('Retry-After') ?? '60',
    });
  }
  const account = await db
    .selectFrom('account')
    .select(['id', 'password'])
    .where('userId', '=', user.id)
    .where('providerId', '=', 'credential')
    .executeTakeFirst();
  const right = Boolean(account?.password) && (await verifyPassword({ hash: account!.password!, password: input.currentPassword }));
  await settleAttempt(db, user.phone, client.address, right ? 'right' : 'wrong');
  if (!right || !account) throw httpError(401, 'WRONG_PASSWORD', undefined, { currentPassword: 'WRONG_PASSWORD' });
  const password = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('account').set({ password, updatedAt: new Date() }).where('id', '=', account.id).execute();
    await trx.updateTable('user').set({ mustChangePassword: 0, updatedAt: new Date() }).where('id', '=', user.id).execute();
    await trx.deleteFrom('session').where('userId', '=', user.id).where('id', '!=', keepSessionId).execute();
  });
  forgetUserSessions(user.id);
}
