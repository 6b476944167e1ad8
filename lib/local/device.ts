import { uuidv7 } from '@/lib/local/uuid';
import { getSetting, setSetting, type PufaDB } from './db';

/** This phone's device id, made once and kept; the server registers it to the first user who pushes from it. */
export async function deviceId(db: PufaDB): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await getSetting<string>(db, 'deviceId');
    if (existing) return existing;
    const id = uuidv7();
    await setSetting(db, 'deviceId', id);
    return id;
  });
}
