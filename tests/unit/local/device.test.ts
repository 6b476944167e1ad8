import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getSetting, type PufaDB } from '@/lib/local/db';
import { deviceId } from '@/lib/local/device';
import { freshDb } from './fresh-db';

const opened: PufaDB[] = [];
function db(): PufaDB {
  const d = freshDb();
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.delete()));
});

describe('deviceId', () => {
  it('makes a UUID once and returns the same one on every later call', async () => {
    const phone = db();
    const first = await deviceId(phone);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await deviceId(phone)).toBe(first);
    expect(await getSetting(phone, 'deviceId')).toBe(first);
  });

  it('gives two callers racing on a new phone the same id', async () => {
    const phone = db();
    const ids = await Promise.all([deviceId(phone), deviceId(phone), deviceId(phone)]);
    expect(new Set(ids).size).toBe(1);
  });

  it('survives closing and reopening the database', async () => {
    const phone = db();
    const first = await deviceId(phone);
    phone.close();
    await phone.open();
    expect(await deviceId(phone)).toBe(first);
  });

  it('differs between two phones', async () => {
    expect(await deviceId(db())).not.toBe(await deviceId(db()));
  });
});
