// `npm run bench:report`: seeds a county-scale year in a fresh database made by the app's migrations (17 townships
// with their villages and natural villages under one county, 1,000,000 check-ins, 50,000 activities, 200,000 lesson
// completions, 20,000 consultations, 20,000 users, a weekly study task), then times reportSummary for the county and
// for one township over the year (warm: one untimed run, then the median of --runs) and, in the same run, one plain
// `select count(*) from checkIn`. The seed writes records directly, so the report counters are then rebuilt from them
// (untimed), as the migration's backfill does. Prints the times, the county figures' headline numbers and the ratio
// `county summary / count(*) scan` against the target ≤ 3, then each query the summary issues timed on its own, so a
// miss shows which one dominates.
// Usage: npm run bench:report [-- --scale 0.05] [-- --runs 5] [-- --pg] [-- --check]
//   --pg: the same on PostgreSQL in a database of its own (needs TEST_DATABASE_URL, a role that may create databases)
//   --check: exit 1 when the ratio misses the target
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import pg from 'pg';
import { ACTIVITY_KINDS, CHECK_IN_METHODS, DUTY_OUTCOMES, STUDY_KINDS, isDutyKind } from '../lib/activity/types';
import { CONSULT_CATEGORIES, CONSULT_CHANNELS, RATINGS } from '../lib/consult/types';
import { loadShippedContent } from '../server/content';
import { seedActivityThemes } from '../server/activity/themes';
import { openDatabase, type Db, type DbHandle } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import type { Database } from '../server/db/schema';
import { rebuildReportCounters } from '../server/reports/counters';
import { reportSummary } from '../server/reports/summary';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCALE = arg('scale', 1);
const RUNS = Math.max(1, arg('runs', 5));
const PG = process.argv.includes('--pg');
const TARGET = 3;
const n = (full: number) => Math.max(1, Math.round(full * SCALE));
const COUNTS = {
  checkIns: n(1_000_000),
  activities: n(50_000),
  completions: n(200_000),
  consultations: n(20_000),
  users: Math.max(2000, n(20_000)),
};
const TOWNSHIPS = 17;
const VILLAGES_PER_TOWNSHIP = 15;
const HAMLETS_PER_VILLAGE = 3;
const YEAR = 2025;
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;

/** A small deterministic generator (mulberry32): the same data every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (k: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
}
const r = rng(20250101);
const pick = <T,>(xs: readonly T[]) => xs[r(xs.length)]!;
const DAY = 86_400_000;
const yearStart = Date.parse(`${YEAR}-01-01T00:00:00+08:00`);
/** An instant in the year (most records), or in the previous year's last month (outside the period: filtered out). */
const instant = (outsideShare = 0.05) => (r(1000) < outsideShare * 1000 ? yearStart - 1 - r(30 * DAY) : yearStart + r(365 * DAY));
const iso = (ms: number) => new Date(ms).toISOString();
/** The CST calendar date of an instant. */
const cstDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const uuid = (kind: number, i: number) => `00000000-0000-7000-8${String(kind).padStart(3, '0')}-${String(i).padStart(12, '0')}`;

type Row = Record<string, string | number | boolean | null>;
/** Where the seed goes: raw prepared statements (SQLite) or batched multi-row inserts (PostgreSQL). */
interface Sink {
  insert(table: string, rows: Iterable<Row>): Promise<number>;
}

/**
 * SQLite: one prepared statement per table, every row in one big transaction. Fine for a benchmark's seed (no ops,
 * no receipts, no change feed); the app itself writes through ops and Kysely.
 */
function sqliteSink(file: string): Sink & { close(): void } {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = ON');
  return {
    async insert(table, rows) {
      let count = 0;
      let stmt: BetterSqlite3.Statement | undefined;
      db.transaction(() => {
        for (const row of rows) {
          const cols = Object.keys(row);
          stmt ??= db.prepare(
            `insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`,
          );
          stmt.run(Object.fromEntries(cols.map((c) => [c, typeof row[c] === 'boolean' ? (row[c] ? 1 : 0) : row[c]])));
          count++;
        }
      })();
      return count;
    },
    close: () => db.close(),
  };
}

/** PostgreSQL: multi-row inserts through Kysely, as many rows per statement as the 65,535 parameters allow. */
function postgresSink(db: Db): Sink {
  return {
    async insert(table, rows) {
      let count = 0;
      let batch: Row[] = [];
      const flush = async () => {
        if (!batch.length) return;
        // One helper writes every table: the rows are checked by the database, not by Kysely's types.
        await db
          .insertInto(table as keyof Database)
          .values(batch as never)
          .execute();
        count += batch.length;
        batch = [];
      };
      for (const row of rows) {
        batch.push(row);
        if (batch.length * Object.keys(row).length >= 60_000) await flush();
      }
      await flush();
      return count;
    },
  };
}

interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  level: 'county' | 'township' | 'village' | 'hamlet';
  path: string;
}

function orgTree(): Unit[] {
  const county: Unit = { id: 'org-bench-county', parentId: null, name: '基准县', level: 'county', path: '/org-bench-county/' };
  const units = [county];
  for (let t = 1; t <= TOWNSHIPS; t++) {
    const tid = `org-bench-t${String(t).padStart(2, '0')}`;
    const town: Unit = { id: tid, parentId: county.id, name: `第${t}镇`, level: 'township', path: `${county.path}${tid}/` };
    units.push(town);
    for (let v = 1; v <= VILLAGES_PER_TOWNSHIP; v++) {
      const vid = `${tid}-v${String(v).padStart(2, '0')}`;
      const village: Unit = { id: vid, parentId: tid, name: `${t}镇${v}村`, level: 'village', path: `${town.path}${vid}/` };
      units.push(village);
      for (let h = 1; h <= HAMLETS_PER_VILLAGE; h++) {
        const hid = `${vid}-h${h}`;
        units.push({ id: hid, parentId: vid, name: `${t}镇${v}村${h}组`, level: 'hamlet', path: `${village.path}${hid}/` });
      }
    }
  }
  return units;
}

async function seed(sink: Sink, db: Db): Promise<Record<string, number>> {
  const now = new Date().toISOString();
  const units = orgTree();
  const villages = units.filter((u) => u.level === 'village');
  const hamlets = units.filter((u) => u.level === 'hamlet');
  const byId = new Map(units.map((u) => [u.id, u]));
  const themes = (await db.selectFrom('activityTheme').select('id').execute()).map((t) => t.id);
  const lessons = (await db.selectFrom('lesson').select('id').orderBy('id').execute()).map((l) => l.id);
  const perUser = Math.ceil(COUNTS.completions / COUNTS.users);
  if (lessons.length < perUser) throw new Error(`${lessons.length} lessons: too few for ${perUser} completions per user`);
  let seq = 1;
  const seeded: Record<string, number> = {};

  seeded.orgUnit = await sink.insert(
    'orgUnit',
    units.map((u, i) => ({ ...u, sortOrder: i, createdAt: now })),
  );

  // Users: villagers and cadres in the hamlets, in township order (check-ins take neighbours); 法律明白人 in most
  // villages (two in every seventh, so some villages are below the target of three), one retired during the year.
  const users: { id: string; unit: Unit }[] = [];
  const seenInVillage = new Array<number>(villages.length).fill(0);
  seeded.user = await sink.insert(
    'user',
    (function* () {
      for (let i = 0; i < COUNTS.users; i++) {
        const unit = hamlets[Math.floor((i * hamlets.length) / COUNTS.users)]!;
        const villageIndex = Math.floor(hamlets.indexOf(unit) / HAMLETS_PER_VILLAGE);
        const nth = seenInVillage[villageIndex] ?? 0;
        seenInVillage[villageIndex] = nth + 1;
        const literate = nth < (villageIndex % 7 === 0 ? 2 : 3);
        const retired = literate && villageIndex === 5 && nth === 0;
        const id = uuid(1, i);
        users.push({ id, unit });
        yield {
          id,
          name: `村民${i}`,
          email: `bench${i}@pufa.invalid`,
          emailVerified: false,
          createdAt: now,
          updatedAt: now,
          username: `139${String(i).padStart(8, '0')}`,
          role: i % 20 === 0 ? 'cadre' : 'villager',
          banned: false,
          orgUnitId: unit.id,
          legalLiterate: literate && !retired,
          legalLiterateSince: literate ? (i % 4 === 0 ? `${YEAR}-03-01` : `${YEAR - 2}-06-01`) : null,
          legalLiterateRetiredAt: retired ? `${YEAR}-09-30` : null,
        };
      }
    })(),
  );

  // Activities: every kind, study kinds, duty outcomes, themes and materials, in villages (and some in the township
  // itself), 95 % within the year.
  const acts: { id: string; startsAt: number; township: number }[] = [];
  seeded.activity = await sink.insert(
    'activity',
    (function* () {
      for (let i = 0; i < COUNTS.activities; i++) {
        const villageIndex = r(villages.length);
        const village = villages[villageIndex]!;
        const township = byId.get(village.parentId!)!;
        const kind = pick(ACTIVITY_KINDS);
        const startsAt = instant();
        const id = uuid(2, i);
        acts.push({ id, startsAt, township: Math.floor(villageIndex / VILLAGES_PER_TOWNSHIP) });
        const host = users[Math.floor((villageIndex * COUNTS.users) / villages.length)]!;
        yield {
          id,
          kind,
          studyKind: kind === 'study' ? pick(STUDY_KINDS) : null,
          dutyOutcome: isDutyKind(kind) ? pick(DUTY_OUTCOMES) : null,
          themeId: r(10) < 8 ? pick(themes) : null,
          title: `活动${i}`,
          orgUnitId: r(5) === 0 ? township.id : village.id,
          place: village.name,
          latitude: null,
          longitude: null,
          accuracyM: null,
          startsAt: iso(startsAt),
          endsAt: iso(startsAt + 2 * 3_600_000),
          hostId: host.id,
          hostName: '主持人',
          staff: '[]',
          audience: 10 + r(90),
          banners: r(3),
          posters: r(10),
          leaflets: r(200),
          brochures: r(50),
          gifts: r(30),
          notes: '',
          photos: '[]',
          checkInCode: String(i),
          version: 1,
          createdAt: now,
          updatedAt: now,
          changeSeq: seq++,
        };
      }
    })(),
  );

  // Check-ins: spread at random over the activities (about 20 each), each person once per activity, neighbours of
  // the activity's township.
  const perActivity = new Int32Array(COUNTS.activities);
  for (let i = 0; i < COUNTS.checkIns; i++) perActivity[r(COUNTS.activities)]!++;
  const usersPerTownship = COUNTS.users / TOWNSHIPS;
  if (Math.max(...perActivity) > usersPerTownship) throw new Error('more check-ins in one activity than people in its township');
  seeded.checkIn = await sink.insert(
    'checkIn',
    (function* () {
      let id = 0;
      for (let a = 0; a < COUNTS.activities; a++) {
        const act = acts[a]!;
        const first = Math.floor(act.township * usersPerTownship);
        const offset = r(Math.floor(usersPerTownship));
        for (let k = 0; k < perActivity[a]!; k++) {
          const user = users[(first + ((offset + k) % Math.floor(usersPerTownship))) % COUNTS.users]!;
          yield {
            id: uuid(3, id++),
            activityId: act.id,
            personKey: `u:${user.id}`,
            userId: user.id,
            name: '村民',
            orgUnitId: user.unit.id,
            method: CHECK_IN_METHODS[k % CHECK_IN_METHODS.length]!,
            checkedInAt: iso(act.startsAt + r(7_200_000)),
            recordedBy: user.id,
            changeSeq: seq++,
          };
        }
      }
    })(),
  );

  // Lesson completions: each user completes `perUser` different lessons, 95 % within the year.
  seeded.lessonProgress = await sink.insert(
    'lessonProgress',
    (function* () {
      for (let i = 0; i < COUNTS.completions; i++) {
        const u = i % COUNTS.users;
        const lesson = lessons[(u + Math.floor(i / COUNTS.users)) % lessons.length]!;
        const at = instant();
        const seconds = 60 + r(840);
        yield {
          userId: users[u]!.id,
          lessonId: lesson,
          openedAt: iso(at - seconds * 1000),
          completedAt: iso(at),
          secondsSpent: seconds,
          changeSeq: seq++,
        };
      }
    })(),
  );

  // A weekly study task for the villagers, every week of the year.
  seeded.studyTask = await sink.insert(
    'studyTask',
    (function* () {
      for (let w = 0; w < 52; w++) {
        yield {
          id: uuid(4, w),
          weekStart: cstDate(yearStart + w * 7 * DAY),
          lessonId: lessons[w % lessons.length]!,
          moduleId: null,
          roles: JSON.stringify(['villager']),
          orgUnitIds: '[]',
          note: '',
          createdBy: users[0]!.id,
          createdAt: now,
          changeSeq: seq++,
          deletedAt: null,
        };
      }
    })(),
  );

  // Consultations: every channel and category, answered on time (deadline 10 days), late, or not yet; some rated.
  seeded.consultation = await sink.insert(
    'consultation',
    (function* () {
      for (let i = 0; i < COUNTS.consultations; i++) {
        const user = users[r(COUNTS.users)]!;
        const filed = instant();
        const deadline = cstDate(filed + 10 * DAY);
        const fate = r(10); // 0-1: not answered, 2-7: on time, 8-9: late
        const reply = fate < 2 ? null : filed + (fate < 8 ? r(9 * DAY) : 12 * DAY + r(10 * DAY));
        const status = reply === null ? pick(['new', 'open'] as const) : r(3) === 0 ? 'answered' : 'resolved';
        const rated = status === 'resolved' && r(2) === 0;
        yield {
          id: uuid(5, i),
          channel: pick(CONSULT_CHANNELS),
          category: pick(CONSULT_CATEGORIES),
          villageId: user.unit.parentId!,
          requesterId: user.id,
          requesterName: '村民',
          contactPhone: '13900000000',
          callBack: false,
          description: '咨询',
          filedBy: user.id,
          forOther: false,
          consentVersion: null,
          activityId: null,
          photoIds: '[]',
          status,
          assigneeId: null,
          referral: null,
          deadline,
          filedAt: iso(filed),
          receivedAt: iso(filed),
          firstReplyAt: reply === null ? null : iso(reply),
          resolvedAt: status === 'resolved' ? iso(reply! + DAY) : null,
          rating: rated ? pick(RATINGS) : null,
          ratedAt: rated ? iso(reply! + 2 * DAY) : null,
          anonymisedAt: null,
          changeSeq: seq++,
        };
      }
    })(),
  );
  return seeded;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}
const ms = (t: number) => `${t.toFixed(1).padStart(9)} ms`;

/** Every query reportSummary issues, recorded (not changed) on their way to the database. */
function recorder(): KyselyPlugin & { nodes: RootOperationNode[] } {
  const nodes: RootOperationNode[] = [];
  return {
    nodes,
    transformQuery: ({ node }) => {
      nodes.push(node);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

async function measure(handle: DbHandle, label: string): Promise<string[]> {
  const db = handle.db;
  const county = 'org-bench-county';
  const township = 'org-bench-t01';
  const summary = await reportSummary(db, county, FROM, TO);
  if (!summary) throw new Error('no summary for the county');
  console.log(`\ncounty figures ${FROM} – ${TO} (${label}):`);
  console.log(
    `  activities ${summary.activities.total} (${Object.values(summary.activities.byKind).filter((x) => x > 0).length} kinds, ` +
      `${summary.activities.byTheme.length} themes, ${summary.activities.byVillage.filter((v) => v.count > 0).length}/${summary.activities.byVillage.length} villages, ` +
      `${summary.activities.byMonth.length} months), study sessions ${summary.study.sessions}, attendance ${summary.study.attendance}`,
  );
  console.log(
    `  check-ins ${summary.reach.checkIns}, audience ${summary.reach.audienceEstimate}, leaflets ${summary.materials.leaflets}, ` +
      `duties ${Object.values(summary.duties).reduce((s, x) => s + x, 0)}`,
  );
  console.log(
    `  lessons completed ${summary.study.lessonsCompleted} by ${summary.study.learners} learners, ${summary.study.studyHours} h; ` +
      `weekly tasks ${summary.study.weeklyTasks.map((t) => `${t.role} ${t.completed}/${t.assigned}`).join(', ')}`,
  );
  const c = summary.consultations;
  console.log(
    `  consultations ${c.total}: resolved ${c.resolved}, answered within deadline ${c.answeredWithinDeadline}, reply rate ${c.replyRate} %, rated ${c.rated}`,
  );
  const l = summary.legalLiterate;
  console.log(
    `  法律明白人 ${l.total} serving (${l.certifiedInPeriod} certified, ${l.retiredInPeriod} retired in the year); ` +
      `villages ${l.villagesCovered}/${l.villages} covered, ${l.villagesBelowThree} below three`,
  );

  const countAll = () =>
    db
      .selectFrom('checkIn')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  const rows = Number((await countAll()).n);
  const scan = await timed(countAll);
  // For reference only (not the target): SQLite answers count(*) by counting the cells of the smallest index's pages
  // without reading a row, so also one pass that reads a column of every check-in row.
  const readAll = await timed(() =>
    db
      .selectFrom('checkIn')
      .select((eb) => eb.fn.max('checkedInAt').as('m'))
      .executeTakeFirstOrThrow(),
  );
  const countyTime = await timed(() => reportSummary(db, county, FROM, TO));
  const townTime = await timed(() => reportSummary(db, township, FROM, TO));
  const ratio = countyTime / scan;
  console.log(`\ntimes (${label}, median of ${RUNS} warm runs):`);
  console.log(`  select count(*) from checkIn (${rows} rows) ${ms(scan)}`);
  console.log(`  select max(checkedInAt) from checkIn      ${ms(readAll)}  (reference: reads every row)`);
  console.log(`  reportSummary, county                      ${ms(countyTime)}`);
  console.log(`  reportSummary, one township                ${ms(townTime)}`);
  console.log(`  county summary / count(*) scan: ${ratio.toFixed(1)} (target ≤ ${TARGET}): ${ratio <= TARGET ? 'met' : 'NOT met'}`);
  console.log(`  county summary / row-reading pass: ${(countyTime / readAll).toFixed(1)} (reference)`);

  // Each query of the county summary on its own, one after another (in the summary they share a Promise.all).
  const rec = recorder();
  await reportSummary(db.withPlugin(rec), county, FROM, TO);
  const perQuery: { sql: string; t: number }[] = [];
  for (const node of rec.nodes) {
    const compiled = db.getExecutor().compileQuery(node, { queryId: randomBytes(8).toString('hex') });
    perQuery.push({ sql: compiled.sql.replace(/\s+/g, ' '), t: await timed(() => db.executeQuery(compiled)) });
  }
  const total = perQuery.reduce((s, q) => s + q.t, 0);
  console.log(`\nthe county summary's ${perQuery.length} queries, each alone (sum ${total.toFixed(1)} ms; the rest is work in memory):`);
  for (const q of perQuery.sort((a, b) => b.t - a.t)) console.log(`  ${ms(q.t)}  ${q.sql.slice(0, 150)}`);
  return ratio <= TARGET ? [] : [`${label}: county summary / count(*) scan ${ratio.toFixed(1)} > ${TARGET}`];
}

async function prepare(handle: DbHandle): Promise<void> {
  await migrate(handle);
  await loadShippedContent(handle, path.resolve('content'));
  await seedActivityThemes(handle);
}

/** The seed writes records without ops, so the report counters are rebuilt from them, as the migration's backfill does. */
async function rebuild(handle: DbHandle): Promise<void> {
  const started = performance.now();
  await rebuildReportCounters(handle.db);
  const rows = await handle.db
    .selectFrom('reportCounter')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`report counters rebuilt from the records in ${((performance.now() - started) / 1000).toFixed(1)} s: ${rows.n} rows`);
}

function printSeeded(seeded: Record<string, number>, seconds: number) {
  console.log(
    `seeded in ${seconds.toFixed(0)} s: ${Object.entries(seeded)
      .map(([t, k]) => `${k} ${t}`)
      .join(', ')}`,
  );
}

async function onSqlite(): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-bench-report-'));
  try {
    let handle = openDatabase({ dataDir });
    await prepare(handle);
    const started = performance.now();
    const sink = sqliteSink(handle.sqliteFile!);
    const seeded = await seed(sink, handle.db);
    sink.close();
    printSeeded(seeded, (performance.now() - started) / 1000);
    await rebuild(handle);
    await handle.close();
    handle = openDatabase({ dataDir });
    try {
      return await measure(handle, 'SQLite');
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<string[]> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('--pg needs TEST_DATABASE_URL (a role that may create databases)');
  const name = `pufa_bench_${randomBytes(4).toString('hex')}`;
  const run = async (query: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    const handle = openDatabase({ databaseUrl: url.toString(), dataDir: tmpdir() });
    try {
      await prepare(handle);
      const started = performance.now();
      const seeded = await seed(postgresSink(handle.db), handle.db);
      printSeeded(seeded, (performance.now() - started) / 1000);
      await rebuild(handle);
      // What autovacuum would do soon after a real year's writes: planner statistics.
      await sql`analyze`.execute(handle.db);
      return await measure(handle, 'PostgreSQL');
    } finally {
      await handle.close();
    }
  } finally {
    await run(`drop database if exists ${name} with (force)`);
  }
}

console.log(
  `county-scale year ${YEAR} (scale ${SCALE}): ${TOWNSHIPS} townships × ${VILLAGES_PER_TOWNSHIP} villages × ${HAMLETS_PER_VILLAGE} natural villages, ` +
    `${COUNTS.users} users, ${COUNTS.activities} activities, ${COUNTS.checkIns} check-ins, ${COUNTS.completions} lesson completions, ` +
    `${COUNTS.consultations} consultations, on ${PG ? 'PostgreSQL' : 'SQLite'} (a shared machine: figures vary from run to run)`,
);
const failures = PG ? await onPostgres() : await onSqlite();
if (failures.length) console.log(`targets NOT met:\n- ${failures.join('\n- ')}`);
else console.log('targets met');
if (process.argv.includes('--check') && failures.length) process.exitCode = 1;
