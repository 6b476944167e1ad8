import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LOCK_MS, LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_ADDRESS } from '@/lib/constants';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { lockedAccounts, reserveAttempt, settleAttempt, unlockAccount } from '@/server/login-lock';

/**
 * The wrong-password counters on a real database (SQLite always; PostgreSQL too when TEST_DATABASE_URL is set):
 * counted atomically, per account and address, per address and per account.
 */
const kinds = process.env.TEST_DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(kinds)('login lock on %s', (kind) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-lock-'));
    let drop = async () => {};
    let databaseUrl: string | undefined;
    if (kind === 'postgres') {
      const admin = process.env.TEST_DATABASE_URL!;
      const name = `pufa_lock_${randomBytes(4).toString('hex')}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`create database ${name}`);
      await client.end();
      const url = new URL(admin);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      drop = async () => {
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
    }
    handle = openDatabase({ dataDir, databaseUrl });
    await migrate(handle);
    cleanup = async () => {
      await handle.db.destroy();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => cleanup?.());

  const guess = async (phone: string, address: string, now?: Date) => {
    const verdict = await reserveAttempt(handle.db, phone, address, now);
    if (verdict.allowed) await settleAttempt(handle.db, phone, address, 'wrong');
    return verdict.allowed;
  };

  it('lets 5 of 25 concurrent guesses be checked, and none fails', async () => {
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => reserveAttempt(handle.db, '13900000001', '198.51.100.1')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(LOGIN_MAX_FAILURES);
  });

  it('locks one address out of one account; another address still gets in', async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect(await guess('13900000002', '198.51.100.2')).toBe(true);
    expect(await guess('13900000002', '198.51.100.2')).toBe(false);
    expect(await lockedAccounts(handle.db, ['13900000002', '13900000003'])).toEqual(new Set(['13900000002']));
    const other = await reserveAttempt(handle.db, '13900000002', '203.0.113.2');
    expect(other.allowed).toBe(true);
    await settleAttempt(handle.db, '13900000002', '203.0.113.2', 'right');
  });

  it('ends the lock after the window', async () => {
    const start = new Date('2026-03-01T08:00:00Z');
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await guess('13900000004', '198.51.100.4', start);
    expect(await guess('13900000004', '198.51.100.4', new Date(start.getTime() + 60_000))).toBe(false);
    expect(await guess('13900000004', '198.51.100.4', new Date(start.getTime() + LOGIN_LOCK_MS + 1000))).toBe(true);
  });

  it('stops one address spraying a password over many phones', async () => {
    let allowed = 0;
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ADDRESS + 5; i++)
      if (await guess(`1370000${String(i).padStart(4, '0')}`, '198.51.100.5')) allowed++;
    expect(allowed).toBe(LOGIN_MAX_FAILURES_PER_ADDRESS);
  });

  it('caps one account over many addresses, and an administrator can lift every lock at once', async () => {
    let allowed = 0;
    for (let a = 0; a < LOGIN_MAX_FAILURES_PER_ACCOUNT / LOGIN_MAX_FAILURES + 2; a++)
      for (let i = 0; i < LOGIN_MAX_FAILURES; i++) if (await guess('13900000006', `10.6.0.${a}`)) allowed++;
    expect(allowed).toBe(LOGIN_MAX_FAILURES_PER_ACCOUNT);
    expect((await reserveAttempt(handle.db, '13900000006', '10.6.1.1')).allowed).toBe(false);
    await unlockAccount(handle.db, '13900000006');
    expect((await reserveAttempt(handle.db, '13900000006', '10.6.0.0')).allowed).toBe(true);
  });

  it('hands back an attempt whose password was right, so a person who mistypes now and then is never locked', async () => {
    for (let round = 0; round < 10; round++) {
      expect(await guess('13900000007', '198.51.100.7')).toBe(true);
      const verdict = await reserveAttempt(handle.db, '13900000007', '198.51.100.7');
      expect(verdict.allowed).toBe(true);
      await settleAttempt(handle.db, '13900000007', '198.51.100.7', 'right');
    }
  });
});
