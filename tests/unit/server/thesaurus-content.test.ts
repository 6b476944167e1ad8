import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedContent, readShippedThesaurus } from '@/server/content';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { createOrgUnit } from '@/server/org';
import { pullChanges } from '@/server/sync/pull';
import { createUser } from '@/server/users';

/** content/thesaurus.tsv goes into the database with the content and reaches phones by the cursor pull. */
let dataDir: string;
let contentDir: string;
let handle: DbHandle;
let userId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-thesaurus-'));
  contentDir = path.join(dataDir, 'content');
  mkdirSync(contentDir);
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
  userId = (
    await createUser(handle.db, {
      phone: '13900001301',
      name: '马玉兰',
      password: 'Pufa-demo-2026',
      role: 'villager',
      orgUnitId: 'org-town',
      legalLiterate: false,
      legalLiterateSince: null,
    })
  ).id;
});
afterAll(async () => {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const write = (tsv: string) => writeFileSync(path.join(contentDir, 'thesaurus.tsv'), tsv);

describe('the thesaurus in the content', () => {
  it('loads the shipped thesaurus and sends all of it on a first pull', async () => {
    copyFileSync(path.resolve('content/thesaurus.tsv'), path.join(contentDir, 'thesaurus.tsv'));
    const shipped = readShippedThesaurus(contentDir);
    const result = await loadShippedContent(handle, contentDir);
    expect(result.thesaurus).toBe(shipped.length);
    const pulled = await pullChanges(handle, { id: userId, role: 'villager' }, 0);
    expect(pulled.thesaurus).toHaveLength(shipped.length);
    expect(pulled.thesaurus).toContainEqual({ word: '彩礼', phrases: ['借婚姻索取财物'], theme: '婚姻家庭', removed: false });
  });

  it('sends only what changed since the cursor: a new wording, a new word, a removed word', async () => {
    write('彩礼\t借婚姻索取财物\t婚姻家庭\n低保\t最低生活保障\t社会救助\n');
    await loadShippedContent(handle, contentDir);
    const { cursor } = await pullChanges(handle, { id: userId, role: 'villager' }, 0);
    expect((await loadShippedContent(handle, contentDir)).changed).toBe(0); // unchanged file, nothing to send

    write('彩礼\t借婚姻索取财物|彩礼\t婚姻家庭\n电诈\t电信网络诈骗\t反诈\n');
    await loadShippedContent(handle, contentDir);
    const next = await pullChanges(handle, { id: userId, role: 'villager' }, cursor);
    expect(next.thesaurus?.sort((a, b) => a.word.localeCompare(b.word))).toEqual(
      [
        { word: '彩礼', phrases: ['借婚姻索取财物', '彩礼'], theme: '婚姻家庭', removed: false },
        { word: '电诈', phrases: ['电信网络诈骗'], theme: '反诈', removed: false },
        { word: '低保', phrases: ['最低生活保障'], theme: '社会救助', removed: true },
      ].sort((a, b) => a.word.localeCompare(b.word)),
    );
  });

  it('refuses a malformed file, naming the line, and keeps what was loaded', async () => {
    write('彩礼 借婚姻索取财物\n');
    await expect(loadShippedContent(handle, contentDir)).rejects.toThrow(/line 1/);
    const all = await pullChanges(handle, { id: userId, role: 'villager' }, 0);
    expect(all.thesaurus?.find((t) => t.word === '彩礼')?.removed).toBe(false);
  });
});
