// `npm run bench:load`: the production server on SQLite under load, driven by autocannon on 127.0.0.1 (no
// pipelining). Phase 1: 100 devices push batches of 50 study ops while 20 more connections pull by cursor.
// Phase 2: 100 connections load /zh. Phase 3: the same /zh HTML from a plain Node http server (the floor). Before
// phase 1, 3 s of the same pushes warm the server up (printed, not judged). Prints requests/s, p50/p97.5/p99,
// errors, non-2xx and timeouts per phase, checks the stored rows equal the ops the server accepted, and checks the
// targets: no errors or timeouts, push p99 < 500 ms, /zh ≥ 0.5 × the plain server. Needs a production build (npm run
// build). Bounded: about 50 s of load. Usage: npm run bench:load [-- --seconds 15 --warmup 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { DEMO_LOGINS } from '../server/seed';
import { login, startTestServer } from '../tests/integration/support/server';
import { arg, checkStored, countRows, line, pushRequest, run as runFor, verdict, type PushTally } from './bench-support.mts';

const SECONDS = arg('seconds', 15);
const DEVICES = arg('devices', 100);
const BATCH = arg('batch', 50);
const PULLERS = 20;
const WARMUP_SECONDS = arg('warmup', 3);
const run = (opts: Parameters<typeof runFor>[0]) => runFor({ duration: SECONDS, ...opts });

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

  const tally: PushTally = { sent: 0, accepted: 0 };
  const before = await countRows(server.db);
  console.log(
    `load: ${DEVICES} devices pushing batches of ${BATCH} and ${PULLERS} pulling, ${SECONDS} s (a shared machine: noisy figures)`,
  );
  // A server in service has its routes loaded and compiled and its devices registered: a short warm-up at the same
  // concurrency is printed but not judged (the first requests of a fresh process pay for loading the push route).
  console.log(
    line(
      'warm-up (not judged)',
      await runFor({
        duration: WARMUP_SECONDS,
        url: server.url,
        connections: DEVICES,
        requests: [pushRequest({ devices, lessons, batch: BATCH, origin: server.url, tally, complete: true })],
      }),
    ),
  );
  const [push, pull] = await Promise.all([
    run({
      url: server.url,
      connections: DEVICES,
      requests: [pushRequest({ devices, lessons, batch: BATCH, origin: server.url, tally, complete: true })],
    }),
    run({
      url: `${server.url}/api/sync/pull?cursor=${startCursor}`,
      connections: PULLERS,
      headers: { cookie: cookies[3]! },
    }),
  ]);
  console.log(line(`push (batches of ${BATCH})`, push));
  console.log(line('pull by cursor', pull));
  console.log(
    `push: ${Math.round((push.requests.total * BATCH) / SECONDS)} ops/s offered, ${tally.accepted} ops accepted of ${tally.sent} sent`,
  );
  failures.push(...(await checkStored(server.db, before, tally)));

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
verdict(failures);
