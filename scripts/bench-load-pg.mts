// `npm run bench:load:pg`: PostgreSQL with two app servers (production builds, both on one fresh database). One
// device pushes batches of 50 for the measuring time, then 50 devices push through both servers at once (25 each).
// Prints ops/s of each phase, p50/p97.5/p99, errors; checks the stored receipts and events equal the ops accepted,
// and that 50 devices reach at least 3 × one device's throughput. Needs npm run build and TEST_DATABASE_URL (or
// DATABASE_URL of a role that may create databases). Usage: npm run bench:load:pg [-- --seconds 10]
import autocannon from 'autocannon';
import { uuidv7 } from 'uuidv7';
import { login, startPeerServer, startTestServer } from '../tests/integration/support/server';

process.env.TEST_DATABASE_URL ||= process.env.DATABASE_URL;
if (!process.env.TEST_DATABASE_URL) throw new Error('set TEST_DATABASE_URL to a PostgreSQL role that may create databases');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
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
  let accepted = 0;
  let sent = 0;

  const phase = (urls: string[], devices: number) => {
    const state = Array.from({ length: devices }, (_, i) => ({
      id: uuidv7(),
      cookie: cookies[Math.floor(i / 2) % cookies.length]!,
      seq: 0,
    }));
    const perServer = Math.max(1, Math.floor(devices / urls.length));
    return Promise.all(
      urls.map(
        (url, s) =>
          new Promise<autocannon.Result>((resolve, reject) => {
            let next = 0;
            const mine = state.slice(s * perServer, s * perServer + perServer);
            autocannon(
              {
                url,
                connections: mine.length,
                pipelining: 1,
                timeout: 10,
                duration: SECONDS,
                requests: [
                  {
                    method: 'POST',
                    path: '/api/sync/push',
                    setupRequest: (req) => {
                      const device = mine[next++ % mine.length]!;
                      const at = new Date().toISOString();
                      const ops = Array.from({ length: BATCH }, (_, i) => ({
                        id: uuidv7(),
                        seq: ++device.seq,
                        type: 'study.open',
                        payload: { lessonId: lessons[(device.seq + i) % lessons.length]!, at },
                        createdAt: at,
                      }));
                      sent += BATCH;
                      return {
                        ...req,
                        headers: { 'content-type': 'application/json', cookie: device.cookie, origin: url },
                        body: JSON.stringify({ deviceId: device.id, ops }),
                      };
                    },
                    onResponse: (status, body) => {
                      if (status !== 200) return;
                      accepted += (JSON.parse(body) as { results: { status: string }[] }).results.filter(
                        (r) => r.status === 'applied',
                      ).length;
                    },
                  },
                ],
              },
              (error, result) => (error ? reject(error) : resolve(result)),
            );
          }),
      ),
    );
  };
  const report = (name: string, results: autocannon.Result[], before: number) => {
    const rate = (accepted - before) / SECONDS;
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
  const before = accepted;
  const many = report(`${DEVICES} devices (25 per server)`, await phase([first.url, secondUrl], DEVICES), before);
  const ratio = many / one;
  console.log(`${DEVICES} devices / 1 device: ${ratio.toFixed(1)}× (target ≥ 3×)`);
  if (ratio < 3) failures.push(`throughput ${ratio.toFixed(1)}× one device (target ≥ 3×)`);

  const count = async (table: 'opReceipt' | 'studyEvent') =>
    Number(
      (
        await first.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // Requests the load generator gave up on may still commit: wait until the servers are quiet.
  let receipts = -1;
  let events = -2;
  for (let i = 0; i < 60 && (receipts !== events || receipts !== (await count('opReceipt'))); i++) {
    await new Promise((r) => setTimeout(r, 500));
    [receipts, events] = [await count('opReceipt'), await count('studyEvent')];
  }
  console.log(`rows: ${receipts} receipts and ${events} study events for ${accepted} ops answered as applied`);
  if (receipts !== events) failures.push('receipts and study events differ');
  // autocannon stops at the deadline and drops the requests in flight; the server may still commit those.
  if (receipts < accepted || receipts > sent) failures.push(`${receipts} stored, outside [${accepted} answered as applied, ${sent} sent]`);
  else console.log(`${receipts - accepted} of the stored ops were in requests still in flight when the load stopped`);
} finally {
  await second.stop();
  await first.stop();
}
if (failures.length) {
  console.log(`targets NOT met:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else console.log('targets met');
