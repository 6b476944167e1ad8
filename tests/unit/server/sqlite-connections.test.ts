import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, writeTransaction, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { createOrgUnit } from '@/server/org';

/** SQLite in WAL with a read connection beside the write connection: reads never wait for a write transaction. */
let dataDir: string;
let handle: DbHandle;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-conn-'));
  handle = openDatabase({ dataDir });
  await migrate(handle);
});

afterAll(async () => {
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('SQLite connections', () => {
  it('answers a read while a write transaction is still open, with the last committed state', async () => {
    const g = gate();
    const writing = writeTransaction(handle, async (trx) => {
      await createOrgUnit(trx, { id: 'org-late', parentId: null, name: '迟到镇', level: 'township' });
      await g.opened;
    });
    const seenDuring = await handle.db.selectFrom('orgUnit').select('id').where('id', '=', 'org-late').execute();
    expect(seenDuring).toEqual([]);
    g.open();
    await writing;
    const seenAfter = await handle.db.selectFrom('orgUnit').select('id').where('id', '=', 'org-late').execute();
    expect(seenAfter).toEqual([{ id: 'org-late' }]);
  });

  it('runs write transactions one after another, and a single write waits for the open transaction', async () => {
    const g = gate();
    const order: string[] = [];
    const first = writeTransaction(handle, async (trx) => {
      await createOrgUnit(trx, { id: 'org-first', parentId: null, name: '一镇', level: 'township' });
      await g.opened;
      order.push('first');
    });
    const single = createOrgUnit(handle.db, { id: 'org-single', parentId: null, name: '二镇', level: 'township' }).then(() =>
      order.push('single'),
    );
    const second = writeTransaction(handle, async (trx) => {
      await createOrgUnit(trx, { id: 'org-second', parentId: null, name: '三镇', level: 'township' });
      order.push('second');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    g.open();
    await Promise.all([first, single, second]);
    expect(order).toEqual(['first', 'single', 'second']);
  });

  it('rolls back a failed transaction and keeps the write connection usable', async () => {
    await expect(
      writeTransaction(handle, async (trx) => {
        await createOrgUnit(trx, { id: 'org-rolled', parentId: null, name: '回滚镇', level: 'township' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await handle.db.selectFrom('orgUnit').select('id').where('id', '=', 'org-rolled').execute()).toEqual([]);
    await createOrgUnit(handle.db, { id: 'org-after', parentId: null, name: '之后镇', level: 'township' });
    expect(await handle.db.selectFrom('orgUnit').select('id').where('id', '=', 'org-after').execute()).toHaveLength(1);
  });
});
