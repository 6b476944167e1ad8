// `npm run bench:sync`: pushes 100,000 lesson-completion ops in batches of 100 over HTTP on 127.0.0.1 to the
// production server on SQLite, then inserts the same rows (receipt, event, progress upsert) twice more in one
// transaction: through the database layer one Kysely statement at a time, and with raw better-sqlite3 prepared
// statements (the floor of this machine). Prints the three rates and HTTP / raw. Target: HTTP ≥ 10% of raw.
// Needs a production build (npm run build). Usage: npm run bench:sync [-- --ops 100000 --batch 100]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { openDatabase, writeTransaction } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { loadShippedContent } from '../server/content';
import { seedDemo } from '../server/seed';
import { nextChangeSeq } from '../server/db/changes';
import { login, startTestServer } from '../tests/integration/support/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TOTAL = arg('ops', 100_000);
const BATCH = arg('batch', 100);

function makeOps(lessons: string[], count: number) {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    id: uuidv7(),
    seq: i + 1,
    type: 'study.complete',
    payload: { lessonId: lessons[i % lessons.length]!, at },
    createdAt: at,
  }));
}

async function overHttp(): Promise<{ rate: number; lessons: string[] }> {
  const server = await startTestServer('sqlite');
  try {
    const lessons = (await server.db.db.selectFrom('lesson').select('id').execute()).map((l) => l.id);
    const cookie = await login(server.url, '13800000003');
    const ops = makeOps(lessons, TOTAL);
    const deviceId = uuidv7();
    // The demo seed holds study events of its own: count the ones this run adds.
    const eventCount = async () =>
      Number(
        (
          await server.db.db
            .selectFrom('studyEvent')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await eventCount();
    const started = performance.now();
    for (let i = 0; i < ops.length; i += BATCH) {
      const res = await fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify({ deviceId, ops: ops.slice(i, i + BATCH) }),
      });
      if (!res.ok) throw new Error(`push failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { results: { status: string }[] };
      if (body.results.some((r) => r.status !== 'applied')) throw new Error('an op was not applied');
    }
    const seconds = (performance.now() - started) / 1000;
    const stored = (await eventCount()) - before;
    if (stored !== TOTAL) throw new Error(`expected ${TOTAL} new events, found ${stored}`);
    return { rate: TOTAL / seconds, lessons };
  } finally {
    await server.stop();
  }
}

async function freshDatabase() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-bench-'));
  const handle = openDatabase({ dataDir });
  await migrate(handle);
  await loadShippedContent(handle, path.resolve('content'));
  await seedDemo(handle, 'Pufa-demo-2026');
  const user = await handle.db.selectFrom('user').select('id').where('username', '=', '13800000003').executeTakeFirstOrThrow();
  return { dataDir, handle, userId: user.id };
}

/** The same rows with raw prepared statements in one transaction: no HTTP, no Kysely, no validation. */
async function raw(lessons: string[]): Promise<number> {
  const { dataDir, handle, userId } = await freshDatabase();
  await handle.close();
  const sqlite = new BetterSqlite3(path.join(dataDir, 'pufa.sqlite'));
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    const ops = makeOps(lessons, TOTAL);
    const deviceId = uuidv7();
    const now = new Date().toISOString();
    const started = performance.now();
    const receipt = sqlite.prepare(
      'insert into "opReceipt" ("opId", "deviceId", "userId", "seq", "type", "appliedAt") values (?, ?, ?, ?, ?, ?)',
    );
    const event = sqlite.prepare(
      'insert into "studyEvent" ("id", "userId", "lessonId", "kind", "seconds", "occurredAt", "deviceId", "createdAt") values (?, ?, ?, ?, 0, ?, ?, ?)',
    );
    const progress = sqlite.prepare(
      'insert into "lessonProgress" ("userId", "lessonId", "openedAt", "completedAt", "secondsSpent", "changeSeq") values (?, ?, ?, ?, 0, ?) ' +
        'on conflict ("userId", "lessonId") do update set "changeSeq" = excluded."changeSeq"',
    );
    sqlite.transaction(() => {
      sqlite
        .prepare('insert into "device" ("id", "userId", "lastSeq", "createdAt", "lastSeenAt") values (?, ?, 0, ?, ?)')
        .run(deviceId, userId, now, now);
      const changeSeq = (
        sqlite.prepare('update "changeCounter" set "value" = "value" + 1 where "id" = 1 returning "value"').get() as { value: number }
      ).value;
      for (const op of ops) {
        receipt.run(op.id, deviceId, userId, op.seq, op.type, now);
        event.run(op.id, userId, op.payload.lessonId, 'complete', op.payload.at, deviceId, now);
        progress.run(userId, op.payload.lessonId, op.payload.at, op.payload.at, changeSeq);
      }
    })();
    return TOTAL / ((performance.now() - started) / 1000);
  } finally {
    sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function direct(lessons: string[]): Promise<number> {
  const { dataDir, handle, userId } = await freshDatabase();
  const user = { id: userId };
  try {
    const ops = makeOps(lessons, TOTAL);
    const deviceId = uuidv7();
    const now = new Date().toISOString();
    const started = performance.now();
    await writeTransaction(handle, async (trx) => {
      await trx.insertInto('device').values({ id: deviceId, userId: user.id, lastSeq: 0, createdAt: now, lastSeenAt: now }).execute();
      const changeSeq = await nextChangeSeq(trx);
      for (const op of ops) {
        await trx
          .insertInto('opReceipt')
          .values({ opId: op.id, deviceId, userId: user.id, seq: op.seq, type: op.type, appliedAt: now })
          .execute();
        await trx
          .insertInto('studyEvent')
          .values({
            id: op.id,
            userId: user.id,
            lessonId: op.payload.lessonId,
            kind: 'complete',
            seconds: 0,
            occurredAt: op.payload.at,
            deviceId,
            createdAt: now,
          })
          .execute();
        await trx
          .insertInto('lessonProgress')
          .values({
            userId: user.id,
            lessonId: op.payload.lessonId,
            openedAt: op.payload.at,
            completedAt: op.payload.at,
            secondsSpent: 0,
            changeSeq,
          })
          .onConflict((oc) => oc.columns(['userId', 'lessonId']).doUpdateSet({ changeSeq }))
          .execute();
      }
    });
    return TOTAL / ((performance.now() - started) / 1000);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const http = await overHttp();
const directRate = await direct(http.lessons);
const rawRate = await raw(http.lessons);
const ratio = http.rate / rawRate;
console.log(`ops: ${TOTAL} in batches of ${BATCH}, SQLite (a shared machine: figures vary from run to run)`);
console.log(`HTTP push (auth, validation, receipts, one transaction per batch): ${Math.round(http.rate)} ops/s`);
console.log(`Kysely, one statement at a time, one transaction:                 ${Math.round(directRate)} ops/s`);
console.log(`raw better-sqlite3 prepared statements, one transaction (floor):  ${Math.round(rawRate)} ops/s`);
console.log(`HTTP / Kysely: ${((http.rate / directRate) * 100).toFixed(1)}%`);
console.log(`HTTP / raw: ${(ratio * 100).toFixed(1)}% (target ≥ 10%): ${ratio >= 0.1 ? 'met' : 'NOT met'}`);
if (process.argv.includes('--check') && ratio < 0.1) process.exitCode = 1;
