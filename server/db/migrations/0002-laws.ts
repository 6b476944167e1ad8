import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * The law library: one `law` row per imported version (the current one has no supersededAt), its articles in
 * `lawArticle`. Old versions stay, so an article a phone still holds keeps its source.
 */
export async function up(db: Kysely<unknown>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('law')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shortTitle', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('versionDate', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('preamble', 'text', (c) => c.notNull())
    .addColumn('headings', 'text', (c) => c.notNull())
    .addColumn('articleCount', 'integer', (c) => c.notNull())
    .addColumn('textBytes', 'integer', (c) => c.notNull())
    .addColumn('contentHash', 'text', (c) => c.notNull())
    .addColumn('sourceFiles', 'text', (c) => c.notNull())
    .addColumn('supersededAt', 'text')
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .addColumn('importedAt', 'text', (c) => c.notNull())
    .addColumn('importedBy', 'text')
    .execute();
  await db.schema.createIndex('law_title_version').unique().on('law').columns(['shortTitle', 'version']).execute();
  await db.schema.createIndex('law_seq').on('law').column('changeSeq').execute();

  await db.schema
    .createTable('lawArticle')
    .addColumn('lawId', 'text', (c) => c.notNull().references('law.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('headingPath', 'text', (c) => c.notNull())
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lawArticle_pk', ['lawId', 'number'])
    .execute();
}
