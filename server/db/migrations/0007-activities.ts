import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * Stored files (photos by content hash) and the records they belong to; activities with their edit history,
 * check-ins (one per person per activity), the admin's theme list and locked periods.
 */
export async function up(db: Kysely<unknown>, kind: DbKind): Promise<void> {
  const bool = kind === 'postgres' ? 'boolean' : 'integer';
  const real = kind === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('storedFile')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploadedBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('fileOwner')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('ownerKind', 'text', (c) => c.notNull())
    .addColumn('ownerId', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fileOwner_pk', ['hash', 'ownerKind', 'ownerId'])
    .execute();
  await db.schema.createIndex('fileOwner_owner').on('fileOwner').columns(['ownerKind', 'ownerId']).execute();

  await db.schema
    .createTable('activityTheme')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sortOrder', 'integer', (c) => c.notNull())
    .addColumn('active', bool, (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('studyKind', 'text')
    .addColumn('dutyOutcome', 'text')
    .addColumn('themeId', 'text', (c) => c.references('activityTheme.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('orgUnitId', 'text', (c) => c.notNull().references('orgUnit.id'))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('latitude', real)
    .addColumn('longitude', real)
    .addColumn('accuracyM', real)
    .addColumn('startsAt', 'text', (c) => c.notNull())
    .addColumn('endsAt', 'text', (c) => c.notNull())
    // hostId: the account that logged it and may edit it; hostName: who hosted the event, as written on the form.
    .addColumn('hostId', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('hostName', 'text', (c) => c.notNull())
    .addColumn('staff', 'text', (c) => c.notNull())
    .addColumn('audience', 'integer', (c) => c.notNull())
    .addColumn('banners', 'integer', (c) => c.notNull())
    .addColumn('posters', 'integer', (c) => c.notNull())
    .addColumn('leaflets', 'integer', (c) => c.notNull())
    .addColumn('brochures', 'integer', (c) => c.notNull())
    .addColumn('gifts', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('checkInCode', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_seq').on('activity').column('changeSeq').execute();
  await db.schema.createIndex('activity_starts').on('activity').columns(['startsAt', 'kind']).execute();
  await db.schema.createIndex('activity_org').on('activity').column('orgUnitId').execute();

  await db.schema
    .createTable('activityRevision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activityId', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('editorId', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('editedAt', 'text', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activityRevision_activity').on('activityRevision').columns(['activityId', 'version']).execute();

  await db.schema
    .createTable('checkIn')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activityId', 'text', (c) => c.notNull().references('activity.id'))
    // The person: 'u:<user id>' for an account, 'm:<village>:<name>' for someone added by hand.
    .addColumn('personKey', 'text', (c) => c.notNull())
    .addColumn('userId', 'text', (c) => c.references('user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('orgUnitId', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('checkedInAt', 'text', (c) => c.notNull())
    .addColumn('recordedBy', 'text', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .execute();
  // Two phones pushing the same person's check-in: the second insert finds this and counts nothing.
  await db.schema.createIndex('checkIn_person').unique().on('checkIn').columns(['activityId', 'personKey']).execute();
  await db.schema.createIndex('checkIn_seq').on('checkIn').column('changeSeq').execute();

  await db.schema
    .createTable('periodLock')
    .addColumn('period', 'text', (c) => c.primaryKey())
    .addColumn('lockedBy', 'text', (c) => c.notNull())
    .addColumn('lockedAt', 'text', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .execute();
}
