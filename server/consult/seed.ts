import 'server-only';
import { uuidv7 } from 'uuidv7';
import { CONSULT_CONSENT_VERSION } from '@/lib/consult/types';
import { opPayloadSchemas, type OpPayload, type OpType } from '@/lib/sync/ops';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type DbHandle } from '../db/client';
import type { ApplyFn } from '../sync/registry';
import { consultOps } from './ops';

/**
 * Demo consultations, made through the same apply functions the phones' ops go through: a villager's question
 * answered by the lawyer and waiting for her rating, a neighbour's request a 法律明白人 filed (new, nobody has it),
 * an overdue one with the lawyer, a 12345 hotline case resolved, a case from 镇信访 resolved, and two people
 * advised at the demo 法律咨询服务 event (when the activities seed made one).
 */
const DAY = 24 * 3600_000;

export async function seedDemoConsultations(handle: DbHandle, now: Date, villageIds: string[]): Promise<void> {
  if (await handle.db.selectFrom('consultation').select('id').limit(1).executeTakeFirst()) return;
  const byPhone = async (phone: string) =>
    (await handle.db.selectFrom('user').select(['id', 'orgUnitId']).where('username', '=', phone).executeTakeFirst()) ?? null;
  const [admin, villager, lawyer] = await Promise.all([byPhone('13800000001'), byPhone('13800000004'), byPhone('13800000005')]);
  if (!admin || !villager || !lawyer || villageIds.length < 3) return;
  const home = villager.orgUnitId ?? villageIds[0]!;

  const apply = async <T extends OpType>(userId: string, type: T, payload: Record<string, unknown>, daysAgo: number) => {
    const at = new Date(now.getTime() - daysAgo * DAY).toISOString();
    const parsed = opPayloadSchemas[type].parse({ at, ...payload }) as OpPayload<T>;
    await writeTransaction(handle, async (trx) => {
      const changeSeq = await nextChangeSeq(trx);
      const fn = consultOps[type as keyof typeof consultOps] as unknown as ApplyFn<T>;
      // seeded history predates the demo accounts, so no account-age check applies
      await fn(
        {
          trx,
          userId,
          deviceId: 'seed',
          opId: uuidv7(),
          changeSeq,
          now: at,
          dbKind: handle.kind,
          accountCreatedAt: new Date(0).toISOString(),
        },
        parsed,
      );
    });
  };
  const fileApp = (userId: string, id: string, fields: Record<string, unknown>, daysAgo: number) =>
    apply(userId, 'consult.file', { id, channel: 'app', consentVersion: CONSULT_CONSENT_VERSION, ...fields }, daysAgo);

  const land = uuidv7();
  await fileApp(
    villager.id,
    land,
    {
      category: 'land',
      villageId: home,
      description: '邻居盖房占了我家宅基地边上一米多，村里调解过一次没谈拢，我该怎么办？',
      callBack: true,
    },
    3,
  );
  await apply(lawyer.id, 'consult.take', { consultationId: land }, 2);
  await apply(
    lawyer.id,
    'consult.reply',
    {
      consultationId: land,
      messageId: uuidv7(),
      body: '先把宅基地使用权证或审批材料找出来。双方可以再申请村人民调解委员会调解；调解不成，可以请乡镇人民政府处理，也可以向人民法院起诉。',
    },
    2,
  );
  await apply(lawyer.id, 'consult.resolve', { consultationId: land, messageId: uuidv7() }, 1);

  const neighbour = uuidv7();
  await fileApp(
    villager.id,
    neighbour,
    {
      category: 'wages',
      villageId: villageIds[1]!,
      forOther: true,
      requesterName: '马福贵',
      contactPhone: '13912345678',
      callBack: true,
      description: '在外地工地干了半年，包工头拖欠工钱两万多，人联系不上。',
    },
    1,
  );

  const loan = uuidv7();
  await fileApp(
    villager.id,
    loan,
    { category: 'loans', villageId: home, description: '借给亲戚三万块钱，只有微信转账记录没写借条，现在不认账。' },
    12,
  );
  await apply(admin.id, 'consult.assign', { consultationId: loan, lawyerId: lawyer.id }, 11);

  const hotline = uuidv7();
  await apply(
    admin.id,
    'consult.file',
    {
      id: hotline,
      channel: 'hotline12345',
      category: 'neighbours',
      villageId: villageIds[2]!,
      requesterName: '李某',
      description: '12345 转来：邻居家牛圈污水流到路上，多次沟通无果。',
    },
    20,
  );
  await apply(admin.id, 'consult.assign', { consultationId: hotline, lawyerId: lawyer.id }, 20);
  await apply(
    lawyer.id,
    'consult.refer',
    { consultationId: hotline, messageId: uuidv7(), to: 'mediation', body: '已转村人民调解委员会调解。' },
    19,
  );
  await apply(lawyer.id, 'consult.resolve', { consultationId: hotline, messageId: uuidv7() }, 15);

  const petition = uuidv7();
  await apply(
    admin.id,
    'consult.file',
    {
      id: petition,
      channel: 'townPetition',
      category: 'administrative',
      villageId: home,
      requesterName: '王某',
      description: '镇信访：低保评定结果有异议。',
    },
    30,
  );
  await apply(admin.id, 'consult.reply', { consultationId: petition, messageId: uuidv7(), body: '已当面答复评定依据和复核途径。' }, 29);
  await apply(admin.id, 'consult.resolve', { consultationId: petition, messageId: uuidv7() }, 28);

  const event = await handle.db
    .selectFrom('activity')
    .select(['id', 'orgUnitId', 'startsAt'])
    .where('kind', '=', 'consultation')
    .executeTakeFirst();
  if (event) {
    const daysAgo = Math.max(0, (now.getTime() - new Date(event.startsAt).getTime()) / DAY);
    const walkIn = (category: string, description: string, requesterName = '') =>
      apply(
        lawyer.id,
        'consult.file',
        { id: uuidv7(), channel: 'walk-in', activityId: event.id, category, villageId: villageIds[0]!, description, requesterName },
        daysAgo,
      );
    await walkIn('marriage', '离婚后孩子抚养费不给怎么办：讲了可以起诉要求支付抚养费。', '马大姐');
    await walkIn('wages', '工伤后老板不给报销：讲了先申请工伤认定，可找法律援助。');
  }
}
