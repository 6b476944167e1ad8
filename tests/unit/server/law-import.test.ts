import { strToU8, zipSync } from 'fflate';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedContent } from '@/server/content';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { importLaws } from '@/server/laws/import';
import { LawImportError } from '@/server/laws/law-file';
import { getLaw, listLaws } from '@/server/laws/library';
import { tinyLaw } from '../../support/tiny-law';
import { docxBomb } from '../../support/zip-bomb';

/** The law importer on a real SQLite database: all or nothing, versions, and citations that stop resolving. */
let dataDir: string;
let handle: DbHandle;
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const NO_INDEX = { categoryIndexFile: '/nonexistent/index.sqlite3' };

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-laws-'));
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await loadShippedContent(handle, path.resolve('content'));
});
afterAll(async () => {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('importLaws', () => {
  it('imports a law with its articles, headings and a category from its title', async () => {
    const progress: string[] = [];
    const result = await importLaws(
      handle,
      [file('a.md', tinyLaw({ title: '中华人民共和国测试调解法', date: '2020-01-02', articles: ['甲。', '乙。', '丙。'] }))],
      {
        ...NO_INDEX,
        onProgress: (p) => progress.push(p.stage),
      },
    );
    expect(result.laws).toEqual([
      expect.objectContaining({
        shortTitle: '测试调解法',
        version: 1,
        status: 'imported',
        articles: 3,
        category: 'procedure',
        versionDate: '2020-01-02',
      }),
    ]);
    expect(progress).toEqual(['parse', 'write']);
    const [summary] = (await listLaws(handle)).filter((l) => l.shortTitle === '测试调解法');
    const law = await getLaw(handle, summary!.id);
    expect(law?.articles[1]).toEqual({
      law: '测试调解法',
      number: 2,
      sub: 0,
      label: '第二条',
      headingPath: ['第一章 总则'],
      paragraphs: ['乙。'],
    });
  });

  it('skips a law whose text is unchanged, and keeps the old version when a newer one arrives', async () => {
    const again = await importLaws(
      handle,
      [file('a.md', tinyLaw({ title: '中华人民共和国测试调解法', date: '2020-01-02', articles: ['甲。', '乙。', '丙。'] }))],
      NO_INDEX,
    );
    expect(again.laws[0]?.status).toBe('unchanged');
    const newer = await importLaws(
      handle,
      [file('b.md', tinyLaw({ title: '中华人民共和国测试调解法', date: '2023-05-06', articles: ['甲。', '乙改。'] }))],
      NO_INDEX,
    );
    expect(newer.laws[0]).toMatchObject({ status: 'newVersion', version: 2, articles: 2 });
    const rows = await handle.db
      .selectFrom('law')
      .select(['version', 'supersededAt'])
      .where('shortTitle', '=', '测试调解法')
      .orderBy('version')
      .execute();
    expect(rows.map((r) => [r.version, r.supersededAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('refuses an older version than the one held with 409 and changes nothing', async () => {
    const before = await listLaws(handle);
    const older = importLaws(
      handle,
      [file('old.md', tinyLaw({ title: '中华人民共和国测试调解法', date: '2010-01-01', articles: ['旧。'] }))],
      NO_INDEX,
    );
    await expect(older).rejects.toMatchObject({ status: 409, file: 'old.md' });
    expect(await listLaws(handle)).toEqual(before);
  });

  it('imports nothing when one file of several is malformed, naming the file and line', async () => {
    const good = file('good.md', tinyLaw({ title: '中华人民共和国好法', date: '2020-01-01', articles: ['好。'] }));
    const bad = file('bad.md', '# 中华人民共和国坏法\n\n<!-- INFO END -->\n\n第一条 一。\n\n第三条 三。');
    const error = await importLaws(handle, [good, bad], NO_INDEX).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LawImportError);
    expect(error).toMatchObject({ status: 422, file: 'bad.md', line: 7 });
    expect((error as Error).message).toContain('bad.md:7');
    expect((await listLaws(handle)).map((l) => l.shortTitle)).not.toContain('好法');
  });

  it('refuses a law published in parts when only a later part is uploaded', async () => {
    const part =
      '# 中华人民共和国民法典\n\n# 继承编\n\n2020年5月28日 通过\n\n<!-- INFO END -->\n\n## 第一章 一般规定\n\n第一千一百一十九条 本编调整因继承产生的民事关系。';
    await expect(importLaws(handle, [file('jicheng.md', part)], NO_INDEX)).rejects.toMatchObject({ status: 422, file: 'jicheng.md' });
  });

  it('lists the citations of shipped lessons that the new version no longer has', async () => {
    const result = await importLaws(
      handle,
      [file('jd.md', tinyLaw({ title: '中华人民共和国禁毒法', date: '2007-12-29', articles: ['一。', '二。'] }))],
      NO_INDEX,
    );
    expect(result.brokenCitations.length).toBeGreaterThan(0);
    expect(result.brokenCitations.every((c) => c.law === '禁毒法' && c.article > 2)).toBe(true);
    expect(result.brokenCitations.map((c) => c.source)).toEqual(expect.arrayContaining(['lesson', 'question']));
  });

  it('takes the category an administrator chose over the title rules', async () => {
    const result = await importLaws(handle, [file('c.txt', tinyLaw({ title: '某某条例', date: '2021-01-01', articles: ['一。'] }))], {
      ...NO_INDEX,
      category: 'social',
    });
    expect(result.laws[0]?.category).toBe('social');
  });

  it('refuses a .docx that expands to 400 MB with 413, naming the file, and imports nothing', async () => {
    const before = (await listLaws(handle)).length;
    const error = await importLaws(handle, [{ name: 'bomb.docx', bytes: docxBomb(64 * 1024, 400 * 1024 * 1024) }], NO_INDEX).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LawImportError);
    expect(error).toMatchObject({
      status: 413,
      file: 'bomb.docx',
      message: expect.stringMatching(/bomb\.docx: .*expands to more than 40 MB/),
    });
    expect(await listLaws(handle)).toHaveLength(before);
  });

  it('parses off the request loop: the event loop keeps turning while a large .docx is read', async () => {
    // 24 MB of document XML (under the cap) takes the parser a couple of seconds; on the main thread that is a freeze.
    const para = '<w:p><w:r><w:t>测试文字。</w:t></w:r></w:p>';
    const xml = strToU8(`<w:document><w:body>${para.repeat(Math.floor((24 * 1024 * 1024) / para.length))}</w:body></w:document>`);
    const bytes = zipSync({ 'word/document.xml': xml }, { level: 6 });
    let last = performance.now();
    let longestGap = 0;
    const tick = () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    };
    const timer = setInterval(tick, 10);
    const error = await importLaws(handle, [{ name: 'big.docx', bytes }], NO_INDEX).catch((e: unknown) => e);
    tick();
    clearInterval(timer);
    expect(error).toMatchObject({ status: 422, message: expect.stringMatching(/no articles found/) });
    expect(longestGap).toBeLessThan(400);
  });
});
