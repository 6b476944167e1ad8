import { PostgresAdapter, sql } from 'kysely';
import type { Db, Trx } from './client';

/**
 * The global change sequence every synced row carries, and the horizon a pull may read up to.
 *
 * SQLite has one writer at a time, so a counter row does: values become visible in commit order.
 *
 * PostgreSQL with several app servers must not serialize every push on one row lock, so each write transaction
 * takes its value from a sequence (no lock; values may commit out of order). A pull must then never move its
 * cursor past a value still held by an open transaction, or a row committing late would be skipped. The writer
 * gets its transaction id before it takes a value; the reader reads the sequence's last value L first, then takes a
 * transaction id of its own (R): every transaction that took a value ≤ L has an id below R. The reader waits until
 * no transaction below R is in progress (pushes take milliseconds), and then every value ≤ L is committed or
 * rolled back for good. (A snapshot alone does not do: its xmax is one past the last *completed* id, so a running
 * transaction with a newer id is not listed; and it lists every database's transactions on the cluster.) If they do not end within PULL_WAIT_MS the pull answers up to its old cursor, and the
 * phone asks again later. Every app server must connect as the same database role (or one with pg_read_all_stats):
 * pg_stat_activity shows other roles' transaction ids as null.
 */
const PULL_WAIT_MS = 3000;

function isPostgres(db: Trx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Takes the next value of the global change sequence inside a write transaction. */
export async function nextChangeSeq(trx: Trx): Promise<number> {
  if (isPostgres(trx)) {
    // The transaction id first: a reader that sees the value must also see this transaction as in progress.
    await sql`select pg_current_xact_id()`.execute(trx);
    const result = await sql<{ value: number | string }>`select nextval(${'"changeSeq"'}::regclass) as value`.execute(trx);
    return Number(result.rows[0]!.value);
  }
  const result = await sql<{
    value: number | string;
  }>`update ${sql.table('changeCounter')} set value = value + 1 where id = 1 returning value`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('changeCounter row missing: run the migrations');
  return Number(row.value);
}

/**
 * The highest change value a pull may read up to: every row at or below it is committed (or never will be).
 * `floor` is the pull's cursor, returned when the horizon cannot be settled in time.
 */
export async function currentChangeSeq(db: Db | Trx, floor = 0): Promise<number> {
  if (!isPostgres(db)) {
    const row = await db.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirst();
    return Number(row?.value ?? 0);
  }
  const seq = await sql<{ lastValue: number | string; isCalled: boolean }>`
    select last_value as "lastValue", is_called as "isCalled" from ${sql.table('changeSeq')}`.execute(db);
  // Before the first nextval, last_value is the value it will hand out; everything below it came from the counter.
  const last = Number(seq.rows[0]!.lastValue) - (seq.rows[0]!.isCalled ? 0 : 1);
  // A transaction id taken now is above every id assigned before L was read: wait until no transaction of this
  // database with an older id is still running.
  const mark = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(db);
  const below = String(BigInt(mark.rows[0]!.xid) & 0xffffffffn); // the 32-bit id that backends report
  const deadline = Date.now() + PULL_WAIT_MS;
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    // Only this database's transactions: a snapshot would also list other databases' on the same cluster.
    const open = await sql<{ n: number | string }>`
      select count(*) as n from pg_stat_activity
      where datname = current_database() and backend_xid is not null and age(backend_xid) > age(${below}::text::xid)`.execute(db);
    if (Number(open.rows[0]!.n) === 0) return last;
    if (Date.now() > deadline) return floor;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
