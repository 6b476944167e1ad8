// `npm run test:faults`: 10 simulated devices, each with an outbox, generate study ops and push them over the HTTP
// sync protocol while the production server (SQLite) is SIGKILLed and restarted at random five times (once more by
// the crash hook mid-batch) and requests are dropped at random: some aborted mid-flight, some answered but the
// answer lost. At the end every outbox must be empty and the server must hold each generated op exactly once.
// `--short` (run by npm test): fewer ops and two kills. Needs a production build (npm run build).
import { uuidv7 } from 'uuidv7';
import { DEMO_LOGINS } from '../server/seed';
import { login, startTestServer } from '../tests/integration/support/server';

const SHORT = process.argv.includes('--short');
const DEVICES = 10;
const OPS_PER_DEVICE = SHORT ? 12 : 60;
const KILLS = SHORT ? 2 : 5;
const DROP_BEFORE_ANSWER = 0.1; // abort the request at a random moment
const LOSE_ANSWER = 0.1; // the server answers, the device never hears it
// Counted from the last restart: a loaded CI machine can take many seconds to boot the server again.
const DEADLINE_MS = SHORT ? 120_000 : 180_000;

interface Op {
  id: string;
  seq: number;
  type: string;
  payload: { lessonId: string; at: string };
  createdAt: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rand = (min: number, max: number) => min + Math.random() * (max - min);

const server = await startTestServer('sqlite');
const log = (msg: string) => console.log(`[faults ${new Date().toISOString().slice(11, 19)}] ${msg}`);
let stopping = false;
let restarting: Promise<void> | undefined;
const stats = { sent: 0, aborted: 0, lost: 0, failed: 0, kills: 0, crashes: 0 };

async function restart(extraEnv: Record<string, string> = {}): Promise<void> {
  restarting ??= (async () => {
    try {
      await server.exited();
      for (let attempt = 0; ; attempt++) {
        try {
          await server.start(extraEnv);
          return;
        } catch (error) {
          if (attempt >= 3) throw error;
          await sleep(500);
        }
      }
    } finally {
      restarting = undefined;
    }
  })();
  return restarting;
}

let ok = false;
try {
  const cookies: string[] = [];
  for (const demo of DEMO_LOGINS) cookies.push(await login(server.url, demo.phone));
  const lessons = (await server.db.db.selectFrom('lesson').select('id').execute()).map((l) => l.id);
  const devices = Array.from({ length: DEVICES }, (_, i) => ({
    id: uuidv7(),
    cookie: cookies[i % cookies.length]!,
    seq: 0,
    outbox: [] as Op[],
    generated: [] as string[],
    lastError: '',
  }));

  // Each device makes its ops over a few seconds, as a person studies, and pushes whatever waits in its outbox.
  const generate = async (device: (typeof devices)[number]) => {
    for (let n = 0; n < OPS_PER_DEVICE; n++) {
      const at = new Date().toISOString();
      const op: Op = {
        id: uuidv7(),
        seq: ++device.seq,
        type: n % 5 === 4 ? 'study.complete' : 'study.open',
        payload: { lessonId: lessons[Math.floor(Math.random() * lessons.length)]!, at },
        createdAt: at,
      };
      device.outbox.push(op);
      device.generated.push(op.id);
      await sleep(rand(20, SHORT ? 300 : 900));
    }
  };

  const push = async (device: (typeof devices)[number]) => {
    let backoff = 100;
    while (!stopping) {
      const batch = device.outbox.slice(0, 20);
      if (batch.length === 0) {
        await sleep(100);
        continue;
      }
      const controller = new AbortController();
      if (Math.random() < DROP_BEFORE_ANSWER) setTimeout(() => controller.abort(), rand(0, 30));
      // As on the phone (SYNC_REQUEST_TIMEOUT_MS), a request with no answer is given up: a connection caught by a
      // SIGKILL can stall instead of failing.
      const deadline = setTimeout(() => controller.abort(), 15_000);
      stats.sent++;
      try {
        const res = await fetch(`${server.url}/api/sync/push`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: device.cookie, Origin: server.url },
          body: JSON.stringify({ deviceId: device.id, ops: batch }),
          signal: controller.signal,
        });
        if (!res.ok) throw new Error(`push answered ${res.status}: ${await res.text()}`);
        const body = (await res.json()) as { results: { id: string; status: string; reason?: string }[] };
        if (Math.random() < LOSE_ANSWER) {
          stats.lost++;
          continue;
        }
        const rejected = body.results.filter((r) => r.status === 'rejected');
        if (rejected.length) throw new Error(`an op was rejected: ${rejected[0]?.reason}`);
        const done = new Set(body.results.map((r) => r.id));
        device.outbox = device.outbox.filter((op) => !done.has(op.id));
        backoff = 100;
      } catch (error) {
        if (controller.signal.aborted) stats.aborted++;
        else stats.failed++;
        device.lastError = error instanceof Error ? error.message.slice(0, 200) : String(error);
        if (error instanceof Error && error.message.startsWith('an op was rejected')) throw error;
        await sleep(backoff + rand(0, backoff));
        backoff = Math.min(backoff * 2, 2000);
      } finally {
        clearTimeout(deadline);
      }
    }
  };

  // The killer: SIGKILL at random moments while the devices work; once the restarted server kills itself mid-batch.
  const killer = async (generating: Promise<unknown>) => {
    let finished = false;
    void generating.then(() => (finished = true));
    for (let k = 0; k < KILLS; k++) {
      await sleep(rand(SHORT ? 800 : 1500, SHORT ? 2500 : 4000));
      server.kill();
      stats.kills++;
      log(`SIGKILL ${k + 1} of ${KILLS}${finished ? ' (generation over, outboxes draining)' : ''}`);
      const crashHook = !SHORT && k === 0;
      await restart(crashHook ? { PUFA_TEST_CRASH_AFTER_OPS: String(Math.floor(rand(5, 15))) } : {});
      if (crashHook) {
        // That server dies by itself inside a batch; bring it back without the hook.
        const crashed = await Promise.race([server.exited().then(() => true), sleep(15_000).then(() => false)]);
        if (crashed) {
          stats.crashes++;
          log('the server crashed itself mid-batch (PUFA_TEST_CRASH_AFTER_OPS)');
        } else {
          server.kill();
          log('the crash hook did not fire in 15 s; killed it');
        }
        await restart();
      }
    }
  };

  const generating = Promise.all(devices.map(generate));
  const pushing = Promise.all(devices.map(push));
  await Promise.all([generating, killer(generating)]);
  const started = Date.now();
  while (devices.some((d) => d.outbox.length > 0)) {
    if (Date.now() - started > DEADLINE_MS) {
      const waiting = devices
        .filter((d) => d.outbox.length > 0)
        .map((d) => `${d.outbox.length} ops (last error: ${d.lastError || 'none'})`);
      throw new Error(`outboxes did not drain in ${DEADLINE_MS / 1000} s: ${waiting.join('; ')}`);
    }
    await sleep(200);
  }
  stopping = true;
  await pushing;

  const generated = devices.flatMap((d) => d.generated);
  const receipts = await server.db.db
    .selectFrom('opReceipt')
    .select('opId')
    .where(
      'deviceId',
      'in',
      devices.map((d) => d.id),
    )
    .execute();
  // The demo seed holds a past year of study events; count only the ones these devices made.
  const events = await server.db.db
    .selectFrom('studyEvent')
    .select('id')
    .where(
      'deviceId',
      'in',
      devices.map((d) => d.id),
    )
    .execute();
  const receiptIds = new Set(receipts.map((r) => r.opId));
  const eventIds = new Set(events.map((e) => e.id));
  const missing = generated.filter((id) => !receiptIds.has(id) || !eventIds.has(id));
  log(
    `${generated.length} ops generated by ${DEVICES} devices; server holds ${receipts.length} receipts and ${events.length} study events; ` +
      `${stats.kills} kills, ${stats.crashes} crash-hook crashes, ${stats.sent} pushes, ${stats.aborted} aborted, ${stats.lost} answers lost, ${stats.failed} failed`,
  );
  if (missing.length) throw new Error(`${missing.length} ops never reached the server`);
  if (receipts.length !== generated.length || events.length !== generated.length)
    throw new Error(`counts differ: ${generated.length} generated, ${receipts.length} receipts, ${events.length} events`);
  if (devices.some((d) => d.outbox.length)) throw new Error('an outbox is not empty');
  ok = true;
  log('every outbox is empty and the server holds each op exactly once');
} finally {
  stopping = true;
  await restarting?.catch(() => undefined);
  await server.stop();
}
if (!ok) process.exitCode = 1;
