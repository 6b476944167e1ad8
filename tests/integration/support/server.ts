import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DbHandle } from '@/server/db/client';

/**
 * Runs the real production server (next start, from the build `npm test` made) against a fresh SQLite data folder
 * or a fresh PostgreSQL database, prepared by the same setup script the demo uses.
 */
export type DbKind = 'sqlite' | 'postgres';
export const DEMO_PASSWORD = 'Pufa-demo-2026';

export const dbKinds: DbKind[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (!process.env.TEST_DATABASE_URL && process.env.VITEST)
  console.warn('TEST_DATABASE_URL is not set: PostgreSQL integration tests are skipped (npm test starts PostgreSQL and sets it).');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `pufa_it_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function spawnNext(port: number, env: Record<string, string>): Promise<{ proc: ChildProcess; exit: Promise<void> }> {
  // scripts/server.mjs is `npm start`: Next.js behind the wrapper that reads the client address from the socket
  const proc = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: String(port), DATABASE_URL: env.DATABASE_URL ?? '', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exit = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  for (let i = 0; i < 150; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/zh/login`);
      if (res.ok) return { proc, exit };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill('SIGKILL');
  throw new Error('server did not start in 30 s');
}

/** A second app server on the same database and data folder (as behind a load balancer); stop it before the first. */
export async function startPeerServer(
  server: TestServer,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const { proc, exit } = await spawnNext(port, { ...server.env, ...extraEnv, PORT: String(port) });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      proc.kill('SIGTERM');
      await exit;
    },
  };
}

export interface TestServer {
  url: string;
  kind: DbKind;
  env: Record<string, string>;
  db: DbHandle;
  start(extraEnv?: Record<string, string>): Promise<void>;
  kill(): void;
  stop(): Promise<void>;
  exited(): Promise<void>;
}

/** startEnv: extra variables for the server process (e.g. TRUSTED_PROXY), kept across restarts. */
export async function startTestServer(kind: DbKind, startEnv: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-it-'));
  const pgdb = kind === 'postgres' ? await freshPostgres() : undefined;
  const port = await freePort();
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DEMO_PASSWORD,
    PORT: String(port),
    ...(pgdb ? { DATABASE_URL: pgdb.url } : {}),
    ...startEnv,
  };
  execFileSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/setup-db.mts'], {
    env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' },
    stdio: 'pipe',
  });
  const db = openDatabase({ databaseUrl: pgdb?.url, dataDir });
  let child: ChildProcess | undefined;
  let exit: Promise<void> = Promise.resolve();
  const url = `http://127.0.0.1:${port}`;

  const server: TestServer = {
    url,
    kind,
    env,
    db,
    async start(extraEnv = {}) {
      const started = await spawnNext(port, { ...env, ...extraEnv });
      child = started.proc;
      exit = started.exit;
    },
    kill() {
      child?.kill('SIGKILL');
    },
    exited: () => exit,
    async stop() {
      child?.kill('SIGTERM');
      await exit;
      await db.close();
      await pgdb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** Signs in through better-auth and returns the session cookie. */
export async function login(url: string, phone: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/username`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ username: phone, password }),
  });
  if (!res.ok) throw new Error(`login ${phone} failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return cookies.join('; ');
}
