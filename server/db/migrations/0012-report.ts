import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * The annual report: a retired 法律明白人 keeps the certification date and gains the date the duty ended, so a
 * period's coverage counts them until that day (the certification history stays in the register).
 */
export async function up(db: Kysely<unknown>, _kind: DbKind): Promise<void> {
  await db.schema.alterTable('user').addColumn('legalLiterateRetiredAt', 'text').execute();
}
