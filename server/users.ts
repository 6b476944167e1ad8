import 'server-only';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { USERS_PAGE_SIZE } from '@/lib/constants';
import type { Role } from '@/lib/roles';
import type { CreateUserInput, UpdateUserInput, UserRecordInput } from '@/lib/validations/user';
import type { Db, Trx } from './db/client';
import { httpError } from './http';
import { lockedAccounts, unlockAccount } from './login-lock';
import { getOrgUnit } from './org';
import { hashPassword } from './passwords';
import { forgetUserSessions } from './session-cache';
import { chinaDate } from '@/lib/consult/deadline';

export interface UserSummary {
  id: string;
  name: string;
  phone: string;
  role: Role;
  orgUnitId: string | null;
  orgUnitName: string | null;
  legalLiterate: boolean;
  legalLiterateSince: string | null;
  disabled: boolean;
  /** A password reset waits for the person to replace it with their own. */
  mustChangePassword: boolean;
  /** Some address is locked out of this account by wrong passwords (an administrator can unlock it). */
  locked: boolean;
}

const phoneTaken = () => httpError(409, 'PHONE_TAKEN', undefined, { phone: 'PHONE_TAKEN' });

/** A unique index refused the row: on SQLite SQLITE_CONSTRAINT_UNIQUE, on PostgreSQL 23505. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Creates an account with a password credential, as better-auth would store it. */
export async function createUser(db: Db, input: CreateUserInput): Promise<UserSummary> {
  const org = await getOrgUnit(db, input.orgUnitId);
  if (!org) throw httpError(422, 'ORG_UNIT_NOT_FOUND', undefined, { orgUnitId: 'ORG_UNIT_NOT_FOUND' });
  const taken = await db.selectFrom('user').select('id').where('username', '=', input.phone).executeTakeFirst();
  if (taken) throw phoneTaken();
  const now = new Date();
  const id = uuidv7();
  const password = await hashPassword(input.password);
  // Two admins (or one double tap) creating the same phone at once both pass the check above; the unique index decides.
  await db
    .transaction()
    .execute((trx) => insertAccount(trx, id, input, password, now))
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? phoneTaken() : error;
    });
  const created = await getUser(db, id);
  if (!created) throw new Error('user vanished after insert');
  return created;
}

/**
 * Writes a person and their password credential as better-auth would store them: the one insert behind the admin's
 * create-user form and the bulk import. `mustChangePassword` when someone else chose the password for many.
 */
export async function insertAccount(
  trx: Trx,
  id: string,
  person: UserRecordInput,
  passwordHash: string,
  now: Date,
  { mustChangePassword = false } = {},
): Promise<void> {
  await trx
    .insertInto('user')
    .values({
      id,
      name: person.name,
      email: `${person.phone}@phone.pufa.invalid`,
      emailVerified: false,
      image: null,
      createdAt: now,
      updatedAt: now,
      username: person.phone,
      displayUsername: person.phone,
      role: person.role,
      banned: false,
      banReason: null,
      banExpires: null,
      orgUnitId: person.orgUnitId,
      legalLiterate: person.legalLiterate,
      legalLiterateSince: person.legalLiterate ? person.legalLiterateSince : null,
      mustChangePassword: mustChangePassword ? 1 : 0,
    })
    .execute();
  await trx
    .insertInto('account')
    .values({
      id: uuidv7(),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: passwordHash,
      createdAt: now,
      updatedAt: now,
      accessToken: null,
      refreshToken: null,
      idToken: null,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
      scope: null,
    })
    .execute();
}

function summary(row: {
  id: string;
  name: string;
  username: string | null;
  role: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  legalLiterate: unknown;
  legalLiterateSince: string | null;
  banned: unknown;
  mustChangePassword: unknown;
}): UserSummary {
  return {
    id: row.id,
    name: row.name,
    phone: row.username ?? '',
    role: (row.role ?? 'villager') as Role,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    legalLiterate: Boolean(row.legalLiterate),
    legalLiterateSince: row.legalLiterateSince,
    disabled: Boolean(row.banned),
    mustChangePassword: Boolean(row.mustChangePassword),
    locked: false,
  };
}

async function withLocks(db: Db, users: UserSummary[]): Promise<UserSummary[]> {
  const locked = await lockedAccounts(
    db,
    users.map((u) => u.phone),
  );
  return users.map((u) => ({ ...u, locked: locked.has(u.phone) }));
}

function userQuery(db: Db) {
  return db
    .selectFrom('user')
    .leftJoin('orgUnit', 'orgUnit.id', 'user.orgUnitId')
    .select([
      'user.id',
      'user.name',
      'user.username',
      'user.role',
      'user.orgUnitId',
      'orgUnit.name as orgUnitName',
      'user.legalLiterate',
      'user.legalLiterateSince',
      'user.banned',
      'user.mustChangePassword',
    ]);
}

export async function getUser(db: Db, id: string): Promise<UserSummary | undefined> {
  const row = await userQuery(db).where('user.id', '=', id).executeTakeFirst();
  return row ? (await withLocks(db, [summary(row)]))[0] : undefined;
}

export async function listUsers(
  db: Db,
  opts: { page: number; q?: string; role?: Role; orgUnitId?: string },
): Promise<{ users: UserSummary[]; total: number; pageSize: number }> {
  let query = userQuery(db);
  let count = db.selectFrom('user').select(sql<number>`count(*)`.as('n'));
  if (opts.q) {
    const like = `%${opts.q}%`;
    query = query.where((eb) => eb.or([eb('user.name', 'like', like), eb('user.username', 'like', like)]));
    count = count.where((eb) => eb.or([eb('user.name', 'like', like), eb('user.username', 'like', like)]));
  }
  if (opts.orgUnitId) {
    // the village and everything under it
    const unit = await getOrgUnit(db, opts.orgUnitId);
    const inUnit = db
      .selectFrom('orgUnit')
      .select('id')
      .where('path', 'like', `${unit?.path ?? '/none/'}%`);
    query = query.where('user.orgUnitId', 'in', inUnit);
    count = count.where('user.orgUnitId', 'in', inUnit);
  }
  if (opts.role) {
    query = query.where('user.role', '=', opts.role);
    count = count.where('user.role', '=', opts.role);
  }
  const rows = await query
    .orderBy('user.username')
    .limit(USERS_PAGE_SIZE)
    .offset((opts.page - 1) * USERS_PAGE_SIZE)
    .execute();
  const total = Number((await count.executeTakeFirst())?.n ?? 0);
  return { users: await withLocks(db, rows.map(summary)), total, pageSize: USERS_PAGE_SIZE };
}

/** Changes a user; disabling or resetting the password ends every session of theirs on the server at once. */
export async function updateUser(db: Db, id: string, input: UpdateUserInput): Promise<UserSummary> {
  const existing = await getUser(db, id);
  if (!existing) throw httpError(404, 'USER_NOT_FOUND');
  if (input.orgUnitId && !(await getOrgUnit(db, input.orgUnitId)))
    throw httpError(422, 'ORG_UNIT_NOT_FOUND', undefined, { orgUnitId: 'ORG_UNIT_NOT_FOUND' });
  const password = input.password ? await hashPassword(input.password) : undefined;
  await db.transaction().execute(async (trx) => {
    if (password)
      await trx
        .updateTable('account')
        .set({ password, updatedAt: new Date() })
        .where('userId', '=', id)
        .where('providerId', '=', 'credential')
        .execute();
    await trx
      .updateTable('user')
      .set({
        ...(input.disabled !== undefined ? { banned: input.disabled, banReason: input.disabled ? 'disabled by administrator' : null } : {}),
        ...(input.role ? { role: input.role } : {}),
        ...(input.name ? { name: input.name } : {}),
        // The administrator knows the new password: the person must replace it with their own at the next sign-in.
        ...(password ? { mustChangePassword: 1 } : {}),
        ...(input.orgUnitId ? { orgUnitId: input.orgUnitId } : {}),
        ...(input.legalLiterate !== undefined
          ? {
              legalLiterate: input.legalLiterate,
              legalLiterateSince: input.legalLiterate
                ? (input.legalLiterateSince ?? existing.legalLiterateSince ?? new Date().toISOString().slice(0, 10))
                : existing.legalLiterateSince,
              // Retiring keeps the certification date and records the last day of duty; certifying again clears it.
              legalLiterateRetiredAt: input.legalLiterate
                ? null
                : existing.legalLiterate
                  ? (input.legalLiterateRetiredAt ?? chinaDate(new Date().toISOString()))
                  : undefined,
            }
          : {}),
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (input.disabled || password) await trx.deleteFrom('session').where('userId', '=', id).execute();
  });
  // Role, unit, name, disabling, a reset: this process's cached sessions of theirs are checked afresh at once.
  forgetUserSessions(id);
  const updated = await getUser(db, id);
  if (!updated) throw new Error('user vanished after update');
  return updated;
}

/** Lifts every wrong-password lock on the account, from every address. */
export async function unlockUser(db: Db, id: string): Promise<UserSummary> {
  const user = await getUser(db, id);
  if (!user) throw httpError(404, 'USER_NOT_FOUND');
  await unlockAccount(db, user.phone);
  return { ...user, locked: false };
}
