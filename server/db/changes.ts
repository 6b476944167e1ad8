import { sql } from 'kysely';
import type { Trx } from './client';

/**
 * Takes the next value of the global change sequence inside a write transaction. The counter row stays locked
 * until the transaction commits, so sequence values become visible in commit order and a pull by cursor
 * never skips a row that commits late.
 */
export async function nextChangeSeq(trx: Trx): Promise<number> {
  const result = await sql<{
    value: number | string;
  }>`update ${sql.table('changeCounter')} set value = value + 1 where id = 1 returning value`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('changeCounter row missing: run the migrations');
  return Number(row.value);
}

export async function currentChangeSeq(trx: Trx): Promise<number> {
  const row = await trx.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirst();
  return Number(row?.value ?? 0);
}
