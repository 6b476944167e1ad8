import 'server-only';
import { uuidv7 } from 'uuidv7';
import { addDays, weekStartOf } from '@/lib/study/week';
import type { Role } from '@/lib/roles';
import { nextChangeSeq } from './db/changes';
import { writeTransaction, type DbHandle } from './db/client';
import { createOrgUnit, getOrgUnit } from './org';
import { seedDemoConsultations } from './consult/seed';
import { seedDemoActivities } from './activity/seed';
import { seedDemoExam } from './quiz/seed';
import { createUser } from './users';

/**
 * The demo township: a county, one township with 14 administrative villages and 91 natural villages, users of
 * every role (the five demo logins, a cadre per village and two 法律明白人 in each village), this week's tasks, an
 * exam and a few activities with check-ins.
 * Running it again adds only what is missing.
 */
const VILLAGES = [
  '东山村',
  '西河村',
  '南岭村',
  '北坡村',
  '青石村',
  '桃园村',
  '柳溪村',
  '杏花村',
  '白沙村',
  '红旗村',
  '金田村',
  '松林村',
  '龙泉村',
  '石门村',
];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱'];
const PLACES = ['家沟', '家坪', '家湾', '家庄', '家寨', '家岭', '家坝'];
const GIVEN = ['建国', '秀英', '桂兰', '志强', '春梅', '海涛', '玉珍', '国庆', '丽华', '德明', '红霞', '永福', '淑芬', '立新'];

export const DEMO_LOGINS: { phone: string; role: Role; name: string; legalLiterate?: boolean; note: string }[] = [
  { phone: '13800000001', role: 'admin', name: '周司法', note: '管理员 admin (司法所)' },
  { phone: '13800000002', role: 'publicist', name: '李宣传', note: '宣传队 publicist' },
  { phone: '13800000003', role: 'cadre', name: '王建国', note: '镇村干部 cadre' },
  { phone: '13800000004', role: 'villager', name: '张秀英', legalLiterate: true, note: '村民·法律明白人 villager, legal-literate' },
  { phone: '13800000005', role: 'lawyer', name: '陈律师', note: '法律顾问 lawyer' },
];

export const TOWNSHIP_ID = 'org-town';

export function villageId(i: number): string {
  return `org-v${String(i + 1).padStart(2, '0')}`;
}

export function hamletId(village: number, hamlet: number): string {
  return `${villageId(village)}-h${hamlet + 1}`;
}

/** 91 natural villages over 14 villages: the first seven have seven, the rest six. */
export function hamletCount(village: number): number {
  return village < 7 ? 7 : 6;
}

async function seedOrgTree(handle: DbHandle): Promise<void> {
  if (await getOrgUnit(handle.db, TOWNSHIP_ID)) return;
  await writeTransaction(handle, async (trx) => {
    await createOrgUnit(trx, { id: 'org-county', parentId: null, name: '示范县', level: 'county' });
    await createOrgUnit(trx, { id: TOWNSHIP_ID, parentId: 'org-county', name: '普法镇', level: 'township' });
    for (const [v, name] of VILLAGES.entries()) {
      await createOrgUnit(trx, { id: villageId(v), parentId: TOWNSHIP_ID, name, level: 'village', sortOrder: v });
      for (let h = 0; h < hamletCount(v); h++) {
        const hamletName = `${SURNAMES[(v + h) % SURNAMES.length]}${PLACES[h % PLACES.length]}`;
        await createOrgUnit(trx, { id: hamletId(v, h), parentId: villageId(v), name: hamletName, level: 'hamlet', sortOrder: h });
      }
    }
  });
}

async function ensureUser(
  handle: DbHandle,
  user: { phone: string; role: Role; name: string; orgUnitId: string; legalLiterate?: boolean; since?: string },
  password: string,
): Promise<void> {
  const exists = await handle.db.selectFrom('user').select('id').where('username', '=', user.phone).executeTakeFirst();
  if (exists) return;
  await createUser(handle.db, {
    phone: user.phone,
    password,
    name: user.name,
    role: user.role,
    orgUnitId: user.orgUnitId,
    legalLiterate: user.legalLiterate ?? false,
    legalLiterateSince: user.legalLiterate ? (user.since ?? '2024-03-01') : null,
  });
}

async function seedUsers(handle: DbHandle, password: string): Promise<void> {
  const homeOf: Record<Role, string> = {
    admin: TOWNSHIP_ID,
    publicist: TOWNSHIP_ID,
    lawyer: TOWNSHIP_ID,
    cadre: villageId(0),
    villager: hamletId(0, 0),
  };
  for (const login of DEMO_LOGINS) await ensureUser(handle, { ...login, orgUnitId: homeOf[login.role] }, password);
  for (let v = 0; v < VILLAGES.length; v++) {
    const n = String(v + 1).padStart(2, '0');
    await ensureUser(
      handle,
      { phone: `139000${n}001`, role: 'cadre', name: `${SURNAMES[v]}${GIVEN[v]}`, orgUnitId: villageId(v) },
      password,
    );
    for (let k = 0; k < 2; k++) {
      const name = `${SURNAMES[(v + 5 + k) % SURNAMES.length]}${GIVEN[(v + 3 + k * 7) % GIVEN.length]}`;
      await ensureUser(
        handle,
        {
          phone: `139000${n}10${k + 1}`,
          role: 'villager',
          name,
          orgUnitId: hamletId(v, k + 1),
          legalLiterate: true,
          since: `2024-0${(v % 9) + 1}-15`,
        },
        password,
      );
    }
    await ensureUser(
      handle,
      {
        phone: `139000${n}201`,
        role: 'villager',
        name: `${SURNAMES[(v + 9) % SURNAMES.length]}${GIVEN[(v + 11) % GIVEN.length]}`,
        orgUnitId: hamletId(v, 0),
      },
      password,
    );
  }
}

async function seedTasks(handle: DbHandle, now: Date): Promise<void> {
  const admin = await handle.db.selectFrom('user').select('id').where('username', '=', '13800000001').executeTakeFirstOrThrow();
  const thisWeek = weekStartOf(now);
  const existing = await handle.db
    .selectFrom('studyTask')
    .select('id')
    .where('weekStart', 'in', [thisWeek, addDays(thisWeek, -7)])
    .execute();
  if (existing.length > 0) return;
  const modules = await handle.db.selectFrom('module').select('id').orderBy('sortOrder').execute();
  const lessons = await handle.db.selectFrom('lesson').select(['id', 'moduleId']).orderBy('moduleId').orderBy('sortOrder').execute();
  if (modules.length < 2 || lessons.length < 3) return;
  const lessonIn = (moduleId: string | undefined, i: number) => lessons.filter((l) => l.moduleId === moduleId)[i]?.id ?? lessons[i]!.id;
  const tasks = [
    { weekStart: addDays(thisWeek, -7), lessonId: lessonIn(modules[0]?.id, 0), moduleId: null, roles: ['cadre'], note: '上周例会学法' },
    { weekStart: thisWeek, lessonId: lessonIn(modules[0]?.id, 1), moduleId: null, roles: ['cadre'], note: '本周一例会集中学习' },
    { weekStart: thisWeek, lessonId: lessonIn(modules[1]?.id, 0), moduleId: null, roles: ['cadre', 'villager'], note: '全镇每周学法' },
    {
      weekStart: thisWeek,
      lessonId: null,
      moduleId: modules[modules.length > 6 ? 6 : 1]!.id,
      roles: ['villager', 'cadre'],
      note: '反诈专题',
    },
  ];
  await writeTransaction(handle, async (trx) => {
    const changeSeq = await nextChangeSeq(trx);
    for (const t of tasks) {
      await trx
        .insertInto('studyTask')
        .values({
          id: uuidv7(),
          weekStart: t.weekStart,
          lessonId: t.lessonId,
          moduleId: t.moduleId,
          roles: JSON.stringify(t.roles),
          orgUnitIds: JSON.stringify([TOWNSHIP_ID]),
          note: t.note,
          createdBy: admin.id,
          createdAt: now.toISOString(),
          changeSeq,
        })
        .execute();
    }
  });
}

export async function seedDemo(handle: DbHandle, password: string, now = new Date()): Promise<void> {
  await seedOrgTree(handle);
  await seedUsers(handle, password);
  await seedTasks(handle, now);
  await seedDemoExam(handle, TOWNSHIP_ID, now);
  await seedDemoActivities(handle, now);
  await seedDemoConsultations(
    handle,
    now,
    VILLAGES.map((_, i) => villageId(i)),
  );
}
