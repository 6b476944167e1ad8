import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LawDetail, LawImportResult, LawSummary } from '@/lib/laws/types';
import { tinyLaw } from '../support/tiny-law';
import { docxBomb } from '../support/zip-bomb';
import { dbKinds, login, startTestServer, type TestServer } from './support/server';

/** The law library over HTTP on SQLite and PostgreSQL: admin import, all or nothing, versions, roles. */
const SHARED_LAWS = existsSync('../shared/laws');
if (!SHARED_LAWS) console.warn('skipping the demo-import check: ../shared/laws not found');
/** One law per file, except 民法典, which ../shared/laws publishes as one file per 编 (minfadian-*.md). */
const expectedLaws = () => {
  const files = readdirSync('../shared/laws').filter((f) => f.endsWith('.md') && f !== 'README.md');
  return files.length - Math.max(0, files.filter((f) => f.startsWith('minfadian-')).length - 1);
};

describe.each(dbKinds)('laws on %s', (kind) => {
  let server: TestServer;
  let admin: string;
  let villager: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await login(server.url, '13800000001');
    villager = await login(server.url, '13800000004');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const upload = (cookie: string, files: [string, string][], category?: string) => {
    const form = new FormData();
    for (const [name, text] of files) form.append('files', new Blob([text], { type: 'text/markdown' }), name);
    if (category) form.append('category', category);
    return fetch(`${server.url}/api/laws`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url }, body: form });
  };
  const list = async (cookie = villager) =>
    ((await (await fetch(`${server.url}/api/laws`, { headers: { Cookie: cookie } })).json()) as { laws: LawSummary[] }).laws;
  const one = (id: string) => fetch(`${server.url}/api/laws/${id}`, { headers: { Cookie: villager } });

  it.skipIf(!SHARED_LAWS)('holds the official texts after setup, with the 第X条之Y articles of 刑法', async () => {
    const laws = await list();
    expect(laws.find((l) => l.shortTitle === '民法典')).toMatchObject({ articleCount: 1260, category: 'civilCode' });
    expect(laws).toHaveLength(expectedLaws());
    const xingfa = laws.find((l) => l.shortTitle === '刑法')!;
    const detail = ((await (await one(xingfa.id)).json()) as { law: LawDetail }).law;
    const drunk = detail.articles.find((a) => a.number === 133 && a.sub === 1);
    expect(drunk?.label).toBe('第一百三十三条之一');
    expect(detail.articles.at(-1)?.label).toBe('第四百五十二条');
  });

  it('imports a law uploaded by an administrator, readable by any signed-in user', async () => {
    const res = await upload(admin, [
      [
        'test-law.md',
        tinyLaw({
          title: '中华人民共和国乡村测试法',
          date: '2024-03-01',
          articles: ['为了测试。', '宅基地测试。', '本法自公布之日起施行。'],
        }),
      ],
    ]);
    expect(res.status).toBe(200);
    const result = (await res.json()) as LawImportResult;
    expect(result.laws).toEqual([expect.objectContaining({ shortTitle: '乡村测试法', status: 'imported', version: 1, articles: 3 })]);
    const summary = (await list()).find((l) => l.shortTitle === '乡村测试法')!;
    const law = ((await (await one(summary.id)).json()) as { law: LawDetail }).law;
    expect(law.articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条']);
  });

  it('answers 422 naming the file and line for a malformed file, and imports none of the upload', async () => {
    const good: [string, string] = ['good.md', tinyLaw({ title: '中华人民共和国好测试法', date: '2024-01-01', articles: ['好。'] })];
    const bad: [string, string] = [
      'broken.md',
      '# 中华人民共和国坏测试法\n\n<!-- INFO END -->\n\n第一条 一。\n\n第二条 二。\n\n第二条 重复。',
    ];
    const res = await upload(admin, [good, bad]);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toMatch(/broken\.md:9/);
    expect(body.fields).toMatchObject({ file: 'broken.md', line: '9' });
    expect((await list()).map((l) => l.shortTitle)).not.toContain('好测试法');
  });

  it('answers 422 for a file type it cannot read, and 401/403 to people who may not import', async () => {
    expect((await upload(admin, [['law.pdf', '%PDF']])).status).toBe(422);
    expect((await upload(villager, [['x.md', tinyLaw({ title: '某法', date: '2024-01-01', articles: ['一。'] })]])).status).toBe(403);
    expect((await upload('', [['x.md', 'x']])).status).toBe(401);
    expect((await fetch(`${server.url}/api/laws`)).status).toBe(401);
    expect((await one('not-an-id!')).status).toBe(422);
    expect((await one('0190a8c0-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('replaces a law with a newer version, keeps the old one readable, and lists citations that no longer resolve', async () => {
    const before = (await list()).find((l) => l.shortTitle === '人民调解法');
    const res = await upload(admin, [
      ['tiaojie-2030.md', tinyLaw({ title: '中华人民共和国人民调解法', date: '2030-01-01', articles: ['甲。', '乙。', '丙。'] })],
    ]);
    expect(res.status).toBe(200);
    const result = (await res.json()) as LawImportResult;
    expect(result.laws[0]).toMatchObject({ shortTitle: '人民调解法', status: before ? 'newVersion' : 'imported', articles: 3 });
    expect(result.brokenCitations).toEqual(
      expect.arrayContaining([{ source: 'lesson', id: 'tiaojie-xinfang-agreement', law: '人民调解法', article: 31 }]),
    );
    const after = (await list()).find((l) => l.shortTitle === '人民调解法')!;
    expect(after).toMatchObject({ articleCount: 3, versionDate: '2030-01-01', version: (before?.version ?? 0) + 1 });
    if (before) expect((await one(before.id)).status).toBe(200);

    const older = await upload(admin, [
      ['tiaojie-old.md', tinyLaw({ title: '中华人民共和国人民调解法', date: '2000-01-01', articles: ['旧。'] })],
    ]);
    expect(older.status).toBe(409);
    expect(((await older.json()) as { error: string }).error).toMatch(/tiaojie-old\.md/);
  });

  it('answers 413 for a .docx that would expand to 400 MB, and keeps answering other requests meanwhile', async () => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(docxBomb(64 * 1024, 400 * 1024 * 1024))]), 'bomb.docx');
    const bomb = fetch(`${server.url}/api/laws`, { method: 'POST', headers: { Cookie: admin, Origin: server.url }, body: form });
    const other = await fetch(`${server.url}/api/laws`, { headers: { Cookie: villager } });
    expect(other.status).toBe(200);
    const res = await bomb;
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/bomb\.docx .*expands to more than 40 MB/);
  });

  it('lets an administrator retire a law after listing its citations; it leaves the library and the next pull', async () => {
    const res = await upload(admin, [
      ['mistake.md', tinyLaw({ title: '中华人民共和国误导入测试法', date: '2024-05-01', articles: ['为了测试。'] })],
    ]);
    expect(res.status).toBe(200);
    const law = (await list()).find((l) => l.shortTitle === '误导入测试法')!;
    const { cursor } = (await (await fetch(`${server.url}/api/sync/pull?cursor=0`, { headers: { Cookie: villager } })).json()) as {
      cursor: number;
    };

    const retireUrl = `${server.url}/api/laws/${law.id}/retire`;
    expect((await fetch(retireUrl, { headers: { Cookie: villager } })).status).toBe(403);
    const preview = await fetch(retireUrl, { headers: { Cookie: admin } });
    expect(await preview.json()).toEqual({ shortTitle: '误导入测试法', title: '中华人民共和国误导入测试法', citations: [] });
    const post = (body: unknown) =>
      fetch(retireUrl, {
        method: 'POST',
        headers: { Cookie: admin, Origin: server.url, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({})).status).toBe(422);
    const retired = await post({ confirm: true });
    expect(retired.status).toBe(200);
    expect(await retired.json()).toMatchObject({ shortTitle: '误导入测试法', versions: 1 });

    expect((await list()).map((l) => l.shortTitle)).not.toContain('误导入测试法');
    expect((await one(law.id)).status).toBe(404);
    const pull = (await (await fetch(`${server.url}/api/sync/pull?cursor=${cursor}`, { headers: { Cookie: villager } })).json()) as {
      retiredLaws: string[];
    };
    expect(pull.retiredLaws).toEqual(['误导入测试法']);
    expect((await post({ confirm: true })).status).toBe(409);
  });
});
