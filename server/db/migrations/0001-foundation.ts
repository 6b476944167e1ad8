import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../client';

/** Accounts (better-auth's tables), the org tree, devices and sync receipts, and study content and progress. */
export async function up(db: Kysely<unknown>, kind: DbKind): Promise<void> {
  const pg = kind === 'postgres';
  const date = pg ? 'timestamptz' : 'text';
  const bool = pg ? 'boolean' : 'integer';

  await db.schema
    .createTable('orgUnit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parentId', 'text', (c) => c.references('orgUnit.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sortOrder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orgUnit_parent').on('orgUnit').column('parentId').execute();
  await db.schema.createIndex('orgUnit_path').on('orgUnit').column('path').execute();

  await db.schema
    .createTable('user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('emailVerified', bool, (c) => c.notNull().defaultTo(sql.lit(pg ? false : 0)))
    .addColumn('image', 'text')
    .addColumn('createdAt', date, (c) => c.notNull())
    .addColumn('updatedAt', date, (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.unique())
    .addColumn('displayUsername', 'text')
    .addColumn('role', 'text')
    .addColumn('banned', bool)
    .addColumn('banReason', 'text')
    .addColumn('banExpires', date)
    .addColumn('orgUnitId', 'text', (c) => c.references('orgUnit.id'))
    .addColumn('legalLiterate', bool)
    .addColumn('legalLiterateSince', 'text')
    .execute();
  await db.schema.createIndex('user_org').on('user').column('orgUnitId').execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expiresAt', date, (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('createdAt', date, (c) => c.notNull())
    .addColumn('updatedAt', date, (c) => c.notNull())
    .addColumn('ipAddress', 'text')
    .addColumn('userAgent', 'text')
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('impersonatedBy', 'text')
    .execute();
  await db.schema.createIndex('session_user').on('session').column('userId').execute();

  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('accountId', 'text', (c) => c.notNull())
    .addColumn('providerId', 'text', (c) => c.notNull())
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('accessToken', 'text')
    .addColumn('refreshToken', 'text')
    .addColumn('idToken', 'text')
    .addColumn('accessTokenExpiresAt', date)
    .addColumn('refreshTokenExpiresAt', date)
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('createdAt', date, (c) => c.notNull())
    .addColumn('updatedAt', date, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_user').on('account').column('userId').execute();

  await db.schema
    .createTable('verification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expiresAt', date, (c) => c.notNull())
    .addColumn('createdAt', date, (c) => c.notNull())
    .addColumn('updatedAt', date, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rateLimit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('lastRequest', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('loginLock')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('firstFailureAt', 'text', (c) => c.notNull())
    .addColumn('lockedUntil', 'text')
    .execute();

  await db.schema
    .createTable('device')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('lastSeq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('lastSeenAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('opReceipt')
    .addColumn('opId', 'text', (c) => c.primaryKey())
    .addColumn('deviceId', 'text', (c) => c.notNull())
    .addColumn('userId', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('appliedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opReceipt_device').on('opReceipt').columns(['deviceId', 'seq']).execute();

  await db.schema
    .createTable('changeCounter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into ${sql.table('changeCounter')} (id, value) values (1, 0)`.execute(db);

  await db.schema
    .createTable('module')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('sortOrder', 'integer', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('titleZh', 'text', (c) => c.notNull())
    .addColumn('titleEn', 'text', (c) => c.notNull())
    .addColumn('summaryZh', 'text', (c) => c.notNull())
    .addColumn('summaryEn', 'text', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lesson')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('moduleId', 'text', (c) => c.notNull().references('module.id'))
    .addColumn('sortOrder', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('titleEn', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('cites', 'text', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lesson_seq').on('lesson').column('changeSeq').execute();

  await db.schema
    .createTable('studyTask')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('weekStart', 'text', (c) => c.notNull())
    .addColumn('lessonId', 'text', (c) => c.references('lesson.id'))
    .addColumn('moduleId', 'text', (c) => c.references('module.id'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('orgUnitIds', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('studyTask_seq').on('studyTask').column('changeSeq').execute();

  await db.schema
    .createTable('studyEvent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('lessonId', 'text', (c) => c.notNull().references('lesson.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('occurredAt', 'text', (c) => c.notNull())
    .addColumn('deviceId', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('studyEvent_user').on('studyEvent').columns(['userId', 'lessonId']).execute();

  await db.schema
    .createTable('lessonProgress')
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('lessonId', 'text', (c) => c.notNull().references('lesson.id'))
    .addColumn('openedAt', 'text')
    .addColumn('completedAt', 'text')
    .addColumn('secondsSpent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lessonProgress_pk', ['userId', 'lessonId'])
    .execute();
  await db.schema.createIndex('lessonProgress_seq').on('lessonProgress').columns(['userId', 'changeSeq']).execute();
}
