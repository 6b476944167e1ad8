import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Database } from './schema';

/**
 * The one owner of the database connection: SQLite (WAL, busy_timeout) in DATA_DIR by default,
 * PostgreSQL when a postgres:// URL is given. Nothing outside server/ sees Kysely.
 */
export type DbKind = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database> | Kysely<Database>;

export interface DbHandle {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): DbHandle {
  if (opts.databaseUrl) {
    // Counts come back as strings from pg by default; our counters fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server closes (a restart, a dropped test database) must not crash the process; the
    // pool replaces it on the next query.
    pool.on('error', (error) => console.warn(`PostgreSQL: idle connection closed (${error.message})`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'pufa.sqlite');
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: bindingShim(sqlite) }) });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

/**
 * Runs `fn` in one write transaction. On SQLite it takes the write lock up front (BEGIN IMMEDIATE), so two
 * processes never deadlock upgrading a read lock; on PostgreSQL it is an ordinary READ COMMITTED transaction.
 */
export async function writeTransaction<T>(handle: DbHandle, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (handle.kind === 'postgres') return handle.db.transaction().execute(fn);
  return handle.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/** SQLite binds no Date or boolean: store them as ISO text and 0/1, as better-auth does on SQLite. */
function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function bindingShim(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const convert = (args: unknown[]) => (Array.isArray(args[0]) ? [args[0].map(toSqliteValue)] : args.map(toSqliteValue));
  const wrapStatement = (stmt: BetterSqlite3.Statement) =>
    new Proxy(stmt, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'all' || prop === 'run' || prop === 'get' || prop === 'iterate') {
          return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, convert(args));
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  return new Proxy(sqlite, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === 'prepare') return (source: string) => wrapStatement(target.prepare(source));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
