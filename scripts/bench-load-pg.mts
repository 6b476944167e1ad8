// `npm run bench:load:pg`: PostgreSQL with two app servers (production builds, both on one fresh database). One
// device pushes batches of 50 for the measuring time, then 50 devices push through both servers at once (25 each).
// Prints ops/s of each phase, p50/p97.5/p99, errors; checks the stored receipts and events equal the ops accepted,
// and that 50 devices reach at least 3 × one device's throughput. Needs npm run build and TEST_DATABASE_URL (or
// DATABASE_URL of a role that may create databases). Usage: npm run bench:load:pg [-- --seconds 10]
import type autocannon from 'autocannon';
import { uuidv7 } from 'uuidv7';
import { login, startPeerServer, startTestServer } from '../tests/integration/support/server';
import { arg, checkStored, countRows, pushRequest, run, verdict, type PushTally } from './bench-support.mts';

process.env.TEST_DATABASE_URL ||= process.env.DATABASE_URL;
if (!process.env.TEST_DATABASE_URL) throw new Error('set TEST_DATABASE_URL to a PostgreSQL role that may create databases');
const SECONDS = arg('seconds', 10);
const DEVICES = 50;
const BATCH = 50;

const first = await startTestServer('postgres');
// The second app server as `npm start` runs it (scripts/server.mjs), on the same database and data folder.
const second = await startPeerServer(first).catch(async (error: unknown) => {
  await first.stop();
  throw error;
});
const secondUrl = second.url;
const failures: string[] = [];
try {
  // 25 people with two phones each (sign-in allows 30 a minute from one address).
  const people = await first.db.db
    .selectFrom('user')
    .select('username')
    .where('role', '=', 'villager')
    .orderBy('username')
    .limit(DEVICES / 2)
    .execute();
  const cookies: string[] = [];
  for (const person of people) cookies.push(await login(first.url, person.username!));
  const lessons = (await first.db.db.selectFrom('lesson').select('id').execute()).map((l) => l.id);
  const tally: PushTally = { sent: 0, accepted: 0 };
  const before = await countRows(first.db);

  const phase = (urls: string[], devices: number) => {
    const state = Array.from({ length: devices }, (_, i) => ({
      id: uuidv7(),
      cookie: cookies[Math.floor(i / 2) % cookies.length]!,
      seq: 0,
    }));
    const perServer = Math.max(1, Math.floor(devices / urls.length));
    return Promise.all(
      urls.map((url, s) => {
        const mine = state.slice(s * perServer, s * perServer + perServer);
        return run({
          url,
          connections: mine.length,
          duration: SECONDS,
          requests: [pushRequest({ devices: mine, lessons, batch: BATCH, origin: url, tally })],
        });
      }),
    );
  };
  const report = (name: string, results: autocannon.Result[], acceptedBefore: number) => {
    const rate = (tally.accepted - acceptedBefore) / SECONDS;
    const worst = (k: 'p50' | 'p97_5' | 'p99') => Math.max(...results.map((r) => r.latency[k]));
    const errors = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
    console.log(
      `${name.padEnd(34)} ${String(Math.round(rate)).padStart(6)} ops/s  p50 ${worst('p50')} ms  p97.5 ${worst('p97_5')} ms  p99 ${worst('p99')} ms  errors+timeouts+non-2xx ${errors}`,
    );
    if (errors) failures.push(`${name}: ${errors} errors, timeouts or non-2xx answers`);
    return rate;
  };

  console.log(`PostgreSQL, two app servers, batches of ${BATCH}, ${SECONDS} s per phase (a shared machine: noisy figures)`);
  const one = report('1 device (server 1)', await phase([first.url], 1), 0);
  const accepted = tally.accepted;
  const many = report(`${DEVICES} devices (25 per server)`, await phase([first.url, secondUrl], DEVICES), accepted);
  const ratio = many / one;
  console.log(`${DEVICES} devices / 1 device: ${ratio.toFixed(1)}× (target ≥ 3×)`);
  if (ratio < 3) failures.push(`throughput ${ratio.toFixed(1)}× one device (target ≥ 3×)`);

  failures.push(...(await checkStored(first.db, before, tally)));
} finally {
  await second.stop();
  await first.stop();
}
verdict(failures);
