import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { uuidv7 } from 'uuidv7';
import { CONSULT_CONSENT_VERSION } from '@/lib/consult/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, login, startTestServer, type TestServer } from './support/server';

/**
 * The annual report's figures over HTTP against the production server, on SQLite and PostgreSQL: a fixture of known
 * records, pushed through /api/sync/push as phones push them, into a village of its own gives exactly these figures.
 */
describe.each(dbKinds)('annual report on %s', (kind) => {
  let server: TestServer;
  let admin: string;
  let publicist: string;
  /** The 法律明白人 who retires on 30 June 2025. */
  let retiredId: string;
  const village = 'org-it-report';
  const hamlets = [`${village}-h1`, `${village}-h2`, `${village}-h3`];

  const push = async (cookie: string, ops: { id: string; type: string; payload: unknown }[]) => {
    const res = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ deviceId: uuidv7(), ops: ops.map((o, i) => ({ ...o, seq: i + 1, createdAt: new Date().toISOString() })) }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: { status: string; reason?: string }[] }).results;
  };
  const send = (cookie: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: server.url },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const summary = async (from: string, to: string, cookie = admin) => {
    const res = await send(cookie, 'GET', `/api/reports/summary?from=${from}&to=${to}&org=${village}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, Record<string, unknown>>;
  };

  const activity = (kind: string, startsAt: string, extra: Record<string, unknown> = {}) => ({
    title: `测试活动 ${kind}`,
    kind,
    orgUnitId: hamlets[0],
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(new Date(startsAt).getTime() + 2 * 3600_000).toISOString(),
    hostName: '李宣传',
    audience: 0,
    banners: 0,
    posters: 0,
    leaflets: 0,
    brochures: 0,
    gifts: 0,
    ...extra,
  });

  beforeAll(async () => {
    server = await startTestServer(kind);
    const now = new Date().toISOString();
    await server.db.db
      .insertInto('orgUnit')
      .values([
        {
          id: village,
          parentId: 'org-town',
          name: '测试村',
          level: 'village',
          path: `/org-county/org-town/${village}/`,
          sortOrder: 99,
          createdAt: now,
        },
        ...hamlets.map((id, i) => ({
          id,
          parentId: village,
          name: `测试${i + 1}组`,
          level: 'hamlet' as const,
          path: `/org-county/org-town/${village}/${id}/`,
          sortOrder: i,
          createdAt: now,
        })),
      ])
      .execute();
    admin = await login(server.url, '13800000001');
    publicist = await login(server.url, '13800000002');

    // Four 法律明白人 certified on 1 March 2025: two in the first natural village, one each in the others.
    const ids: string[] = [];
    for (const [i, hamlet] of [hamlets[0], hamlets[0], hamlets[1], hamlets[2]].entries()) {
      const res = await send(admin, 'POST', '/api/users', {
        phone: `1397770000${i + 1}`,
        password: 'Mingbai-ren-2025!',
        name: `明白人${i + 1}`,
        role: 'villager',
        orgUnitId: hamlet,
        legalLiterate: true,
        legalLiterateSince: '2025-03-01',
      });
      expect(res.status, await res.clone().text()).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // The one in the third natural village retires on 30 June 2025.
    retiredId = ids[3]!;
    const retired = await send(admin, 'PATCH', `/api/users/${ids[3]}`, { legalLiterate: false, legalLiterateRetiredAt: '2025-06-30' });
    expect(retired.status).toBe(200);

    const save = (id: string, a: unknown) => ({
      id: uuidv7(),
      type: 'activity.save',
      payload: { id, checkInCode: `code${id.slice(-8)}`, activity: a },
    });
    const fair = uuidv7();
    const newYearsEve = uuidv7();
    const party = uuidv7();
    const fairSave = save(
      fair,
      activity('publicity', '2025-03-15T10:00:00+08:00', {
        audience: 120,
        banners: 2,
        posters: 10,
        leaflets: 600,
        brochures: 500,
        gifts: 40,
      }),
    );
    const results = await push(publicist, [
      fairSave,
      save(newYearsEve, activity('publicity', '2025-12-31T23:30:00+08:00', { audience: 80, brochures: 600 })),
      save(uuidv7(), activity('publicity', '2026-01-01T00:30:00+08:00', { audience: 999 })),
      save(uuidv7(), activity('lecture', '2025-06-10T09:00:00+08:00', { audience: 50, orgUnitId: hamlets[1] })),
      save(party, activity('study', '2025-04-01T08:30:00+08:00', { studyKind: 'partyCommittee' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    const checkIn = (activityId: string, at: string, name: string) => ({
      id: uuidv7(),
      type: 'activity.checkIn',
      payload: {
        id: uuidv7(),
        activityId,
        person: { kind: 'manual', name, orgUnitId: hamlets[0] },
        method: 'manual',
        at: new Date(at).toISOString(),
      },
    });
    const first = checkIn(fair, '2025-03-15T10:10:00+08:00', '马海');
    expect((await push(publicist, [first, checkIn(fair, '2025-03-15T10:20:00+08:00', '杨花')])).map((r) => r.status)).toEqual([
      'applied',
      'applied',
    ]);
    // A phone that lost the answer pushes the same ops again: nothing is counted twice.
    expect((await push(publicist, [fairSave, first])).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect((await push(publicist, [checkIn(party, '2025-04-01T08:40:00+08:00', '马海')]))[0]!.status).toBe('applied');

    const villager = await login(server.url, '13977700001', 'Mingbai-ren-2025!');
    const filed = await push(villager, [
      {
        id: uuidv7(),
        type: 'consult.file',
        payload: {
          id: uuidv7(),
          channel: 'app',
          category: 'land',
          villageId: hamlets[0],
          description: '承包地被占用怎么办',
          consentVersion: CONSULT_CONSENT_VERSION,
          at: new Date('2025-05-05T09:00:00+08:00').toISOString(),
        },
      },
    ]);
    expect(filed[0]!.status, filed[0]!.reason).toBe('applied');
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('counts a year of a village exactly, the 23:30 New Year’s Eve event in its year and the retired 法律明白人 out', async () => {
    const year = await summary('2025-01-01', '2025-12-31');
    expect(year.period).toEqual({ from: '2025-01-01', to: '2025-12-31', timeZone: 'Asia/Shanghai' });
    expect(year.activities).toMatchObject({
      total: 4,
      byKind: expect.objectContaining({ publicity: 2, lecture: 1, study: 1 }),
      byMonth: [
        { month: '2025-03', count: 1 },
        { month: '2025-04', count: 1 },
        { month: '2025-06', count: 1 },
        { month: '2025-12', count: 1 },
      ],
      byVillage: [{ id: village, name: '测试村', count: 4 }],
    });
    expect(year.study).toMatchObject({
      sessions: 1,
      sessionsByKind: { partyCommittee: 1, mondayMeeting: 0, centralGroup: 0, other: 0 },
      attendance: 1,
    });
    expect(year.materials).toEqual({ banners: 2, posters: 10, leaflets: 600, brochures: 1100, gifts: 40 });
    expect(year.reach).toEqual({ checkIns: 3, audienceEstimate: 250 });
    expect(year.consultations).toMatchObject({ total: 1, byCategory: expect.objectContaining({ land: 1, marriage: 0 }) });
    expect(year.legalLiterate).toMatchObject({
      total: 3,
      certifiedInPeriod: 3,
      retiredInPeriod: 1,
      villages: 1,
      villagesCovered: 1,
      villagesBelowThree: 0,
      hamlets: 3,
      hamletsCovered: 2,
      byVillage: [{ id: village, name: '测试村', count: 3, hamlets: 3, hamletsCovered: 2 }],
    });
  });

  it('counts the retired 法律明白人 while serving and an activity after midnight in the next year', async () => {
    const spring = await summary('2025-01-01', '2025-06-29');
    expect(spring.legalLiterate).toMatchObject({ total: 4, hamletsCovered: 3, retiredInPeriod: 0 });
    const next = await summary('2026-01-01', '2026-12-31');
    expect(next.activities).toMatchObject({ total: 1, byKind: expect.objectContaining({ publicity: 1 }) });
    expect(next.reach).toEqual({ checkIns: 0, audienceEstimate: 999 });
    expect(next.legalLiterate).toMatchObject({ total: 3, certifiedInPeriod: 0 });
    const oneDay = await summary('2025-12-31', '2025-12-31');
    expect(oneDay.activities).toMatchObject({ total: 1 });
  });

  it('lists the records behind a figure, filtered by kind, a page at a time and as CSV', async () => {
    const base = `/api/reports/records?from=2025-01-01&to=2025-12-31&org=${village}`;
    const res = await send(admin, 'GET', `${base}&figure=activities&kind=publicity`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { total: number; rows: { startsAt: string; brochures: number }[] };
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.startsAt)).toEqual(['2025-03-15 10:00', '2025-12-31 23:30']);
    const people = (await (await send(admin, 'GET', `${base}&figure=legalLiterate`)).json()) as { rows: { serving: number }[] };
    expect(people.rows.map((r) => r.serving).sort()).toEqual([0, 1, 1, 1]);
    // The register of a period before the retirement reads as it did then: serving, no retirement date.
    const retiredRow = (rows: { id: string; serving: number; retiredOn: string | null }[]) => rows.find((r) => r.id === retiredId);
    const year = people.rows as unknown as { id: string; serving: number; retiredOn: string | null }[];
    expect(retiredRow(year)).toMatchObject({ serving: 0, retiredOn: '2025-06-30' });
    const springPage = (await (
      await send(admin, 'GET', `/api/reports/records?from=2025-01-01&to=2025-06-29&org=${village}&figure=legalLiterate`)
    ).json()) as { rows: { id: string; serving: number; retiredOn: string | null }[] };
    expect(retiredRow(springPage.rows)).toMatchObject({ serving: 1, retiredOn: null });
    const csv = await send(admin, 'GET', `${base}&figure=checkIns&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[2])
        .sort(),
    ).toEqual(['杨花', '马海', '马海']);
    expect((await send(admin, 'GET', `${base}&figure=everything`)).status).toBe(422);
  });

  it('exports a Word report with the sentence and an Excel workbook with a sheet per group and the records', async () => {
    const base = `/api/reports/export?from=2025-01-01&to=2025-12-31&org=${village}`;
    const docx = await send(admin, 'GET', `${base}&format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('.docx');
    const files = unzipSync(new Uint8Array(await docx.arrayBuffer()));
    const text = strFromU8(files['word/document.xml']!)
      .replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`)
      .replace(/<[^>]+>/g, '');
    expect(text).toContain('2025年全村开展专题法治宣传活动2次，法律专题讲座1次，派发宣传册1000余份');
    expect(text).toContain('现有法律明白人3名（统计期内新认定3名、退出1名）');
    expect(text).toMatch(/宣传册（份）\s*1100/);

    const xlsx = await send(admin, 'GET', `${base}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '学法',
      '普法活动',
      '宣传品与受众',
      '考试',
      '法律咨询',
      '法律明白人',
      '各月活动',
      '活动记录',
      '签到记录',
      '咨询记录',
      '课程完成记录',
      '考试答卷',
      '法律明白人名册',
    ]);
    const value = (sheet: string, item: string) => {
      let found: unknown;
      book.getWorksheet(sheet)!.eachRow((row) => {
        if (row.getCell(1).value === item) found = row.getCell(2).value;
      });
      return found;
    };
    expect(value('宣传品与受众', '宣传册（份）')).toBe(1100);
    expect(value('普法活动', '活动总数（次）')).toBe(4);
    expect(value('各月活动', '合计')).toBe(4);
    expect(book.getWorksheet('活动记录')!.actualRowCount).toBe(5);
    expect(book.getWorksheet('签到记录')!.actualRowCount).toBe(4);
    expect((await send(publicist, 'GET', `${base}&format=xlsx`)).status).toBe(403);
    expect((await send(admin, 'GET', base.replace('2025-12-31', 'soon') + '&format=pdf')).status).toBe(422);
  });

  it('answers only administrators, and says what is wrong with a bad period', async () => {
    const q = `from=2025-01-01&to=2025-12-31&org=${village}`;
    expect((await fetch(`${server.url}/api/reports/summary?${q}`)).status).toBe(401);
    expect((await send(publicist, 'GET', `/api/reports/summary?${q}`)).status).toBe(403);
    const backwards = await send(admin, 'GET', `/api/reports/summary?from=2025-12-31&to=2025-01-01&org=${village}`);
    expect(backwards.status).toBe(422);
    expect(await backwards.json()).toMatchObject({ code: 'INVALID', fields: { to: 'FROM_AFTER_TO' } });
    expect((await send(admin, 'GET', `/api/reports/summary?from=2025-13-01&to=2025-12-31`)).status).toBe(422);
    expect((await send(admin, 'GET', `/api/reports/summary?from=2025-01-01&to=2025-12-31&org=nowhere`)).status).toBe(422);
  });
});
