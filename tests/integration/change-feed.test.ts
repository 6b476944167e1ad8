import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentChangeSeq, nextChangeSeq } from '@/server/db/changes';
import { openDatabase, writeTransaction, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { dbKinds, freshPostgres } from './support/server';

/**
 * The change feed pulls read by cursor: under concurrent write transactions that commit in any order, every row is
 * seen by a pulling reader exactly once, and on PostgreSQL two write transactions hold change values at once.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(dbKinds)('change feed on %s', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (kind === 'postgres') {
      const pgdb = await freshPostgres();
      handle = openDatabase({ databaseUrl: pgdb.url, dataDir: '' });
      cleanup = pgdb.drop;
    } else {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-feed-'));
      handle = openDatabase({ dataDir });
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
    await migrate(handle);
    await sql`create table ${sql.table('feedProbe')} (id text primary key, "changeSeq" bigint not null)`.execute(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
    await cleanup?.();
  });

  it('lets a pulling reader see every row exactly once while writers commit out of order', async () => {
    const WRITERS = 8;
    const EACH = 25;
    let writing = true;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < EACH; i++) {
        await writeTransaction(handle, async (trx) => {
          const seq = await nextChangeSeq(trx);
          await sleep(Math.random() * 15); // hold the value a while, so later values commit first
          await sql`insert into ${sql.table('feedProbe')} (id, "changeSeq") values (${`${w}-${i}`}, ${seq})`.execute(trx);
        });
      }
    });
    const seen = new Map<string, number>();
    let cursor = 0;
    let pulls = 0;
    const pullOnce = async () => {
      const upTo = await currentChangeSeq(handle.db, cursor);
      const rows = await sql<{ id: string }>`
        select id from ${sql.table('feedProbe')} where "changeSeq" > ${cursor} and "changeSeq" <= ${upTo}`.execute(handle.db);
      for (const row of rows.rows) seen.set(row.id, (seen.get(row.id) ?? 0) + 1);
      cursor = upTo;
      pulls++;
    };
    const puller = (async () => {
      while (writing) {
        await pullOnce();
        await sleep(Math.random() * 5);
      }
    })();
    await Promise.all(writers);
    writing = false;
    await puller;
    await pullOnce();

    expect(seen.size).toBe(WRITERS * EACH);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(pulls).toBeGreaterThan(5);
  });

  it.runIf(kind === 'postgres')('lets a second push take a change value and commit while the first is still open', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstSeq = 0;
    const first = writeTransaction(handle, async (trx) => {
      firstSeq = await nextChangeSeq(trx);
      await sql`insert into ${sql.table('feedProbe')} (id, "changeSeq") values ('slow', ${firstSeq})`.execute(trx);
      await held;
    });
    await sleep(50);
    const secondSeq = await Promise.race([
      writeTransaction(handle, async (trx) => {
        const seq = await nextChangeSeq(trx);
        await sql`insert into ${sql.table('feedProbe')} (id, "changeSeq") values ('fast', ${seq})`.execute(trx);
        return seq;
      }),
      sleep(3000).then(() => 0),
    ]);
    expect(secondSeq).toBeGreaterThan(firstSeq);

    // While the first is open, a pull does not pass its value: it waits, then sees both once it commits.
    const before = firstSeq - 1;
    const horizon = currentChangeSeq(handle.db, before);
    await sleep(100);
    release();
    await first;
    expect(await horizon).toBeGreaterThanOrEqual(secondSeq);
  });
});
