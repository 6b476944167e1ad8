import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DbHandle, type DbKind } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';

/**
 * A fresh, migrated database for in-process server tests: SQLite in a temporary folder, and PostgreSQL too when
 * TEST_DATABASE_URL is set (`npm test` sets it). `open()` gives a second handle on the same database, with its own
 * connections, the way a second app server would see it.
 */
export const testDbKinds: DbKind[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  handle: DbHandle;
  open(): DbHandle;
  drop(): Promise<void>;
}

export async function freshTestDb(kind: DbKind): Promise<TestDb> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-db-'));
  let databaseUrl: string | undefined;
  let name = '';
  if (kind === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL!;
    name = `pufa_unit_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const handles: DbHandle[] = [];
  const open = () => {
    const h = openDatabase({ databaseUrl, dataDir });
    handles.push(h);
    return h;
  };
  const handle = open();
  await migrate(handle);
  return {
    handle,
    open,
    async drop() {
      for (const h of handles) await h.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (name) {
        const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      }
    },
  };
}
