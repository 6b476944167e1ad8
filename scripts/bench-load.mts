// `npm run bench:load`: the production server on SQLite under load, driven by autocannon on 127.0.0.1 (no
// pipelining). Phase 1: 100 devices push batches of 50 study ops while 20 more connections pull by cursor.
// Phase 2: 100 connections load /zh. Phase 3: the same /zh HTML from a plain Node http server (the floor).
// Prints requests/s, p50/p97.5/p99, errors, non-2xx and timeouts per phase, checks the stored rows equal the ops the
// server accepted, and checks the targets: no errors or timeouts, push p99 < 500 ms, /zh ≥ 0.5 × the plain server.
// Needs a production build (npm run build). Bounded: about 45 s of load. Usage: npm run bench:load [-- --seconds 15]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { uuidv7 } from 'uuidv7';
import { DEMO_LOGINS } from '../server/seed';
import { login, startTestServer } from '../tests/integration/support/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 15);
const DEVICES = arg('devices', 100);
const BATCH = arg('batch', 50);
const PULLERS = 20;

type Result = autocannon.Result;

function line(name: string, r: Result): string {
  const l = r.latency;
  return (
    `${name.padEnd(30)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  ` +
    `p50 ${l.p50} ms  p97.5 ${l.p97_5} ms  p99 ${l.p99} ms  ` +
    `errors ${r.errors}  non-2xx ${r.non2xx}  timeouts ${r.timeouts}  (${r.requests.total} requests)`
  );
}

function run(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ pipelining: 1, timeout: 10, duration: SECONDS, ...opts }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const server = await startTestServer('sqlite');
const failures: string[] = [];
let plain: ReturnType<typeof spawn> | undefined;
const tmp = mkdtempSync(path.join(tmpdir(), 'pufa-load-'));
try {
  // Devices belong to the demo users (a device is registered to one user); each user signs in once.
  const cookies: string[] = [];
  for (const demo of DEMO_LOGINS) cookies.push(await login(server.url, demo.phone));
  const lessons = (await server.db.db.selectFrom('lesson').select('id').execute()).map((l) => l.id);
  const devices = Array.from({ length: DEVICES }, (_, i) => ({ id: uuidv7(), cookie: cookies[i % cookies.length]!, seq: 0 }));
  const startCursor = (
    (await (await fetch(`${server.url}/api/sync/pull?cursor=0`, { headers: { Cookie: cookies[3]! } })).json()) as { cursor: number }
  ).cursor;

  let next = 0;
  let accepted = 0;
  let sent = 0;
  console.log(
    `load: ${DEVICES} devices pushing batches of ${BATCH} and ${PULLERS} pulling, ${SECONDS} s (a shared machine: noisy figures)`,
  );
  const [push, pull] = await Promise.all([
    run({
      url: server.url,
      connections: DEVICES,
      requests: [
        {
          method: 'POST',
          path: '/api/sync/push',
          setupRequest: (req) => {
            const device = devices[next++ % devices.length]!;
            const at = new Date().toISOString();
            const ops = Array.from({ length: BATCH }, (_, i) => ({
              id: uuidv7(),
              seq: ++device.seq,
              type: i % 10 === 9 ? 'study.complete' : 'study.open',
              payload: { lessonId: lessons[(device.seq + i) % lessons.length]!, at },
              createdAt: at,
            }));
            sent += BATCH;
            return {
              ...req,
              headers: { 'content-type': 'application/json', cookie: device.cookie, origin: server.url },
              body: JSON.stringify({ deviceId: device.id, ops }),
            };
          },
          onResponse: (status, body) => {
            if (status !== 200) return;
            const results = (JSON.parse(body) as { results: { status: string }[] }).results;
            accepted += results.filter((r) => r.status === 'applied').length;
          },
        },
      ],
    }),
    run({
      url: `${server.url}/api/sync/pull?cursor=${startCursor}`,
      connections: PULLERS,
      headers: { cookie: cookies[3]! },
    }),
  ]);
  console.log(line('push (batches of 50)', push));
  console.log(line('pull by cursor', pull));
  console.log(`push: ${Math.round((push.requests.total * BATCH) / SECONDS)} ops/s offered, ${accepted} ops accepted of ${sent} sent`);

  const count = async (table: 'opReceipt' | 'studyEvent') =>
    Number(
      (
        await server.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // Requests the load generator gave up on (timeouts) may still commit: wait until the server is quiet.
  let receipts = -1;
  let events = -2;
  for (let i = 0; i < 60 && (receipts !== events || receipts !== (await count('opReceipt'))); i++) {
    await new Promise((r) => setTimeout(r, 500));
    [receipts, events] = [await count('opReceipt'), await count('studyEvent')];
  }
  console.log(`rows: ${events} study events and ${receipts} receipts for ${accepted} ops answered as applied`);
  if (receipts !== events) failures.push('receipts and study events differ');
  // autocannon stops at the deadline and drops the requests in flight; the server may still commit those.
  if (receipts < accepted || receipts > sent) failures.push(`${receipts} stored, outside [${accepted} answered as applied, ${sent} sent]`);
  else console.log(`${receipts - accepted} of the stored ops were in requests still in flight when the load stopped`);

  const page = await fetch(`${server.url}/zh`);
  if (!page.ok) throw new Error(`/zh answered ${page.status}`);
  const html = await page.text();
  const zh = await run({ url: `${server.url}/zh`, connections: 100 });
  console.log(line('/zh (scripts/server.mjs)', zh));

  // The floor: the same bytes from a plain http server in its own process, as the app server runs in its own.
  const file = path.join(tmp, 'zh.html');
  writeFileSync(file, html);
  const port = await freePort();
  const floorSource = `const http=require('http'),fs=require('fs');const b=fs.readFileSync(${JSON.stringify(file)});
http.createServer((q,s)=>{s.writeHead(200,{'content-type':'text/html; charset=utf-8','content-length':b.length});s.end(b)}).listen(${port},'127.0.0.1',()=>console.log('ready'))`;
  const child = spawn(process.execPath, ['-e', floorSource], { stdio: ['ignore', 'pipe', 'inherit'] });
  plain = child;
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  const floor = await run({ url: `http://127.0.0.1:${port}/`, connections: 100 });
  console.log(line('/zh (plain node http)', floor));
  const ratio = zh.requests.average / floor.requests.average;
  console.log(`/zh / plain: ${(ratio * 100).toFixed(1)}% (target ≥ 50%)`);

  for (const [name, r] of [
    ['push', push],
    ['pull', pull],
    ['/zh', zh],
  ] as const) {
    if (r.errors || r.timeouts || r.non2xx) failures.push(`${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
  }
  if (push.latency.p99 >= 500) failures.push(`push p99 ${push.latency.p99} ms (target < 500 ms)`);
  if (ratio < 0.5) failures.push(`/zh at ${(ratio * 100).toFixed(1)}% of the plain server (target ≥ 50%)`);
} finally {
  plain?.kill();
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`targets NOT met:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else console.log('targets met');
