import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from '@/server/backup';
import { loadShippedContent } from '@/server/content';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { reportFigures } from '@/server/report';
import { createOrgUnit } from '@/server/org';
import { pushOps } from '@/server/sync/push';
import { createUser } from '@/server/users';

/**
 * A backup taken while pushes commit restores to a database whose report figures are the figures at backup time,
 * with the stored files beside it; what happened after the backup is gone.
 */
let root: string;
let dataDir: string;
let handle: DbHandle;
let villagerId: string;
let lessons: string[];
const TOWNSHIP_ID = 'org-town';
const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2027-01-01T00:00:00.000Z';

let pushes = 0;
async function pushSome(count: number) {
  // Each push its own hour and lessons, each read its own minute: reading is credited only for time that passed,
  // and a lesson completed again changes no figure.
  const push = pushes++;
  const ops = Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.parse('2026-03-10T02:00:00.000Z') + push * 3600_000 + (i + 1) * 60_000).toISOString();
    const lessonId = lessons[(push * count + i) % lessons.length]!;
    return {
      id: uuidv7(),
      seq: i + 1,
      type: i % 2 ? 'study.complete' : 'study.read',
      payload: i % 2 ? { lessonId, at } : { lessonId, at, seconds: 60 },
      createdAt: at,
    };
  });
  const response = await pushOps(handle, villagerId, { deviceId: uuidv7(), ops });
  expect(response.results.filter((r) => r.status !== 'applied')).toEqual([]);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pufa-backup-'));
  dataDir = path.join(root, 'data');
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await loadShippedContent(handle, path.resolve(process.cwd(), 'content'));
  await createOrgUnit(handle.db, { id: TOWNSHIP_ID, parentId: null, name: '七营镇', level: 'township' });
  await createOrgUnit(handle.db, { id: 'org-v01', parentId: TOWNSHIP_ID, name: '张堡村', level: 'village' });
  villagerId = (
    await createUser(handle.db, {
      phone: '13900001401',
      name: '马秀兰',
      password: 'Pufa-demo-2026',
      role: 'villager',
      orgUnitId: 'org-v01',
      legalLiterate: true,
      legalLiterateSince: '2026-01-05',
    })
  ).id;
  // The account exists since January, so the March pushes lie in its lifetime (op times before it are refused).
  await handle.db.updateTable('user').set({ createdAt: FROM }).where('id', '=', villagerId).execute();
  lessons = (await handle.db.selectFrom('lesson').select('id').orderBy('id').execute()).map((l) => l.id);
  mkdirSync(path.join(dataDir, 'files', 'photos'), { recursive: true });
  writeFileSync(path.join(dataDir, 'files', 'photos', 'activity-1.jpg'), 'jpeg bytes');
});

afterAll(async () => {
  await handle?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores the report figures and stored files of the moment of the backup, taken while pushes commit', async () => {
    await pushSome(40);
    const atBackup = await reportFigures(handle.db, TOWNSHIP_ID, FROM, TO);

    const dest = path.join(root, 'backup-1');
    // Pushes keep committing while the backup runs; the copy is one consistent state (before or after each push).
    const [manifest] = await Promise.all([backup(dataDir, dest), pushSome(40)]);
    expect(manifest).toMatchObject({ database: 'sqlite', files: 1 });
    const afterPushes = await reportFigures(handle.db, TOWNSHIP_ID, FROM, TO);

    await pushSome(40);
    writeFileSync(path.join(dataDir, 'files', 'photos', 'activity-1.jpg'), 'changed later');
    await handle.close();

    restore(dest, dataDir);
    handle = openDatabase({ dataDir });
    expect(afterPushes).not.toEqual(atBackup);
    expect(await reportFigures(handle.db, TOWNSHIP_ID, FROM, TO)).toBeDefined();
    const restored = await reportFigures(handle.db, TOWNSHIP_ID, FROM, TO);
    expect([atBackup, afterPushes]).toContainEqual(restored);
    expect(readFileSync(path.join(dataDir, 'files', 'photos', 'activity-1.jpg'), 'utf8')).toBe('jpeg bytes');
  });
});
