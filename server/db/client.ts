import BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type Transaction,
} from 'kysely';
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
  /** The SQLite file, for the online backup; undefined on PostgreSQL. */
  sqliteFile?: string;
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
  const writer = openSqlite(file);
  writer.pragma('journal_mode = WAL');
  const reader = openSqlite(file);
  const db = new Kysely<Database>({ dialect: splitSqliteDialect(writer, reader) });
  return { db, kind: 'sqlite', sqliteFile: file, close: () => db.destroy() };
}

function openSqlite(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return bindingShim(sqlite);
}

/**
 * Runs `fn` in one write transaction. On SQLite the driver takes the write lock up front (BEGIN IMMEDIATE), so two
 * processes never deadlock upgrading a read lock; on PostgreSQL it is an ordinary READ COMMITTED transaction.
 */
export async function writeTransaction<T>(handle: DbHandle, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return handle.db.transaction().execute(fn);
}

/**
 * SQLite with two connections to the same WAL file. Transactions and single writes are serialized on the write
 * connection (BEGIN IMMEDIATE, one at a time in this process); a statement outside a transaction that only reads
 * runs at once on the read connection, on the last committed state, so session and page reads never queue behind a
 * long push. better-sqlite3 is synchronous: a read completes within one call and cannot interleave with another.
 */
function splitSqliteDialect(writer: BetterSqlite3.Database, reader: BetterSqlite3.Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createDriver: () => new SplitSqliteDriver(writer, reader),
  };
}

/** A FIFO lock: `lock()` resolves with the function that releases it. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}

/** Prepared statements are reused per connection (a bounded cache: multi-row inserts vary in length). */
const statementCaches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
function prepare(sqlite: BetterSqlite3.Database, source: string): BetterSqlite3.Statement {
  let cache = statementCaches.get(sqlite);
  if (!cache) statementCaches.set(sqlite, (cache = new Map()));
  let stmt = cache.get(source);
  if (!stmt) {
    if (cache.size >= 500) cache.clear();
    stmt = sqlite.prepare(source);
    cache.set(source, stmt);
  }
  return stmt;
}

function run(stmt: BetterSqlite3.Statement, query: CompiledQuery): QueryResult<unknown> {
  const parameters = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(parameters) };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class SplitSqliteConnection implements DatabaseConnection {
  /** Set while this connection holds the write lock inside a transaction. */
  release: (() => void) | undefined;
  constructor(
    private readonly writeLock: Mutex,
    private readonly writer: BetterSqlite3.Database,
    private readonly reader: BetterSqlite3.Database,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.release) return run(prepare(this.writer, query.sql), query) as QueryResult<R>;
    const readStmt = prepare(this.reader, query.sql);
    if (readStmt.readonly) return run(readStmt, query) as QueryResult<R>;
    const release = await this.writeLock.lock();
    try {
      return run(prepare(this.writer, query.sql), query) as QueryResult<R>;
    } finally {
      release();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // Materialized: an open iterator would keep the connection busy across awaits.
    const result = await this.executeQuery<R>(query);
    for (const row of result.rows) yield { rows: [row] };
  }
}

class SplitSqliteDriver implements Driver {
  readonly #writeLock = new Mutex();
  constructor(
    private readonly writer: BetterSqlite3.Database,
    private readonly reader: BetterSqlite3.Database,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new SplitSqliteConnection(this.#writeLock, this.writer, this.reader);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const conn = connection as SplitSqliteConnection;
    const release = await this.#writeLock.lock();
    try {
      this.writer.exec('begin immediate');
    } catch (error) {
      release();
      throw error;
    }
    conn.release = release;
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      this.writer.exec('commit');
    } catch (error) {
      // A failed COMMIT (SQLITE_BUSY) leaves the transaction open: roll it back so the connection stays usable.
      if (this.writer.inTransaction) this.writer.exec('rollback');
      throw error;
    } finally {
      this.#end(connection as SplitSqliteConnection);
    }
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      if (this.writer.inTransaction) this.writer.exec('rollback');
    } finally {
      this.#end(connection as SplitSqliteConnection);
    }
  }
  #end(conn: SplitSqliteConnection): void {
    const release = conn.release;
    conn.release = undefined;
    release?.();
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    this.reader.close();
    this.writer.close();
  }
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
