// What the load benchmarks share (scripts/bench-load.mts on SQLite, scripts/bench-load-pg.mts on PostgreSQL): the
// command-line arguments, devices pushing batches of study ops through autocannon, the printed figures, and the
// check that the rows stored equal the ops the server accepted.
import autocannon from 'autocannon';
import { uuidv7 } from 'uuidv7';
import type { DbHandle } from '../server/db/client';

/** `--name value` from the command line, or the fallback. */
export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** One autocannon run (no pipelining, 10 s timeout); options override. */
export function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ pipelining: 1, timeout: 10, ...opts }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** A result as one line: requests/s, latency percentiles, errors. */
export function line(name: string, r: autocannon.Result): string {
  const l = r.latency;
  return (
    `${name.padEnd(30)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  ` +
    `p50 ${l.p50} ms  p97.5 ${l.p97_5} ms  p99 ${l.p99} ms  ` +
    `errors ${r.errors}  non-2xx ${r.non2xx}  timeouts ${r.timeouts}  (${r.requests.total} requests)`
  );
}

export interface Device {
  id: string;
  cookie: string;
  seq: number;
}

/** The ops pushed and the ops the server answered as applied, across every push request of a run. */
export interface PushTally {
  sent: number;
  accepted: number;
}

/**
 * An autocannon request that pushes a batch of `batch` study ops from the next device in turn (each device keeps
 * its own sequence). `complete` makes every tenth op a completion instead of an open.
 */
export function pushRequest(opts: {
  devices: Device[];
  lessons: string[];
  batch: number;
  origin: string;
  tally: PushTally;
  complete?: boolean;
}): autocannon.Request {
  let next = 0;
  return {
    method: 'POST',
    path: '/api/sync/push',
    setupRequest: (req) => {
      const device = opts.devices[next++ % opts.devices.length]!;
      const at = new Date().toISOString();
      const ops = Array.from({ length: opts.batch }, (_, i) => ({
        id: uuidv7(),
        seq: ++device.seq,
        type: opts.complete && i % 10 === 9 ? 'study.complete' : 'study.open',
        payload: { lessonId: opts.lessons[(device.seq + i) % opts.lessons.length]!, at },
        createdAt: at,
      }));
      opts.tally.sent += opts.batch;
      return {
        ...req,
        headers: { 'content-type': 'application/json', cookie: device.cookie, origin: opts.origin },
        body: JSON.stringify({ deviceId: device.id, ops }),
      };
    },
    onResponse: (status, body) => {
      if (status !== 200) return;
      const results = (JSON.parse(body) as { results: { status: string }[] }).results;
      opts.tally.accepted += results.filter((r) => r.status === 'applied').length;
    },
  };
}

export interface RowCounts {
  receipts: number;
  events: number;
}

/** Op receipts and study events stored now (the demo seed holds study events of its own: compare differences). */
export async function countRows(handle: DbHandle): Promise<RowCounts> {
  const count = async (table: 'opReceipt' | 'studyEvent') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { receipts: await count('opReceipt'), events: await count('studyEvent') };
}

/**
 * Waits until the server is quiet (requests the load generator gave up on may still commit), then checks that every
 * receipt written since `before` has its study event and that the count lies between the ops answered as applied
 * and the ops sent (autocannon drops the requests in flight at its deadline; the server may still commit those).
 * Returns the problems found, for the benchmark's list of missed targets.
 */
export async function checkStored(handle: DbHandle, before: RowCounts, tally: PushTally): Promise<string[]> {
  let now = await countRows(handle);
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const later = await countRows(handle);
    const quiet = later.receipts === now.receipts && later.events === now.events;
    now = later;
    if (quiet && now.receipts - before.receipts === now.events - before.events) break;
  }
  const receipts = now.receipts - before.receipts;
  const events = now.events - before.events;
  console.log(`rows: ${receipts} receipts and ${events} study events written for ${tally.accepted} ops answered as applied`);
  const failures: string[] = [];
  if (receipts !== events) failures.push(`${receipts} receipts but ${events} study events written`);
  if (receipts < tally.accepted || receipts > tally.sent)
    failures.push(`${receipts} stored, outside [${tally.accepted} answered as applied, ${tally.sent} sent]`);
  else console.log(`${receipts - tally.accepted} of the stored ops were in requests still in flight when the load stopped`);
  return failures;
}

/** Prints the missed targets (exit code 1) or that all were met. */
export function verdict(failures: string[]): void {
  if (failures.length) {
    console.log(`targets NOT met:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  } else console.log('targets met');
}
