import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * Legal consultations: requests with their thread, the consent each person gave before their first request, the
 * consultation settings (deadline, retention), and a generic audit log of who read what and when.
 */
export async function up(db: Kysely<unknown>, kind: DbKind): Promise<void> {
  const bool = kind === 'postgres' ? 'boolean' : 'integer';

  await db.schema
    .createTable('consultation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('villageId', 'text', (c) => c.notNull().references('orgUnit.id'))
    .addColumn('requesterId', 'text', (c) => c.references('user.id'))
    .addColumn('requesterName', 'text', (c) => c.notNull())
    .addColumn('contactPhone', 'text', (c) => c.notNull())
    .addColumn('callBack', bool, (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('filedBy', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('forOther', bool, (c) => c.notNull())
    .addColumn('consentVersion', 'text')
    .addColumn('activityId', 'text')
    .addColumn('photoIds', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigneeId', 'text', (c) => c.references('user.id'))
    .addColumn('referral', 'text')
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('filedAt', 'text', (c) => c.notNull())
    .addColumn('receivedAt', 'text', (c) => c.notNull())
    .addColumn('firstReplyAt', 'text')
    .addColumn('resolvedAt', 'text')
    .addColumn('rating', 'text')
    .addColumn('ratedAt', 'text')
    .addColumn('anonymisedAt', 'text')
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_seq').on('consultation').column('changeSeq').execute();
  await db.schema.createIndex('consultation_requester').on('consultation').columns(['requesterId']).execute();
  await db.schema.createIndex('consultation_filer').on('consultation').columns(['filedBy']).execute();
  await db.schema.createIndex('consultation_received').on('consultation').columns(['receivedAt']).execute();

  await db.schema
    .createTable('consultationMessage')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultationId', 'text', (c) => c.notNull().references('consultation.id'))
    .addColumn('authorId', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('referral', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consultationMessage_consultation')
    .on('consultationMessage')
    .columns(['consultationId', 'createdAt'])
    .execute();

  await db.schema
    .createTable('consent')
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('givenAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consent_pk', ['userId', 'purpose', 'version'])
    .execute();

  await db.schema
    .createTable('consultSetting')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('retentionMonths', 'integer', (c) => c.notNull())
    .addColumn('deadlineWorkingDays', 'integer', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addColumn('updatedBy', 'text')
    .execute();

  await db.schema
    .createTable('auditLog')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actorId', 'text', (c) => c.notNull())
    .addColumn('actorRole', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subjectKind', 'text', (c) => c.notNull())
    .addColumn('subjectId', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auditLog_subject').on('auditLog').columns(['subjectKind', 'subjectId', 'at']).execute();
  await db.schema.createIndex('auditLog_actor').on('auditLog').columns(['actorId', 'at']).execute();
}
