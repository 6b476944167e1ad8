import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { badgeCount, inQueue } from '@/lib/consult/queue';
import type { ConsultRecord } from '@/lib/consult/types';
import { applyConsultChanges, fileConsultation, giveConsent, sendMessage } from '@/lib/local/consult';
import type { LocalProfile } from '@/lib/local/db';
import { freshDb, outboxInOrder } from './fresh-db';

const villager: LocalProfile = {
  key: 'me',
  id: 'u-villager',
  name: '张秀英',
  phone: '13800000004',
  role: 'villager',
  orgUnitId: 'org-v01-h1',
  orgUnitName: '张家沟',
  orgPath: [],
  legalLiterate: true,
  legalLiterateSince: '2024-03-01',
  savedAt: '2026-11-30T00:00:00.000Z',
};
const input = {
  channel: 'app' as const,
  category: 'land' as const,
  villageId: 'org-v01-h1',
  villageName: '张家沟',
  description: '宅基地被占',
  requesterName: '',
  contactPhone: '',
  callBack: false,
  forOther: false,
};

describe('consultations on the phone', () => {
  it('refuses to file before the separate consent, then files with its version and shows the request as waiting', async () => {
    const db = freshDb();
    await expect(fileConsultation(input, villager, 'x', db)).rejects.toThrow('consent');
    expect(await db.outbox.count()).toBe(0);
    await giveConsent(db);
    const id = await fileConsultation(input, villager, 'x', db);
    const [op] = await outboxInOrder(db);
    expect(op).toMatchObject({ type: 'consult.file', payload: { id, consentVersion: expect.any(String) } });
    expect(await db.consultations.get(id)).toMatchObject({ waiting: true, requesterName: '张秀英', contactPhone: '13800000004' });
  });

  it('keeps a follow-up not yet pushed when a pull brings the request, and drops requests the server says are gone', async () => {
    const db = freshDb();
    await giveConsent(db);
    const id = await fileConsultation(input, villager, 'x', db);
    await db.outbox.clear();
    await sendMessage(id, 'followup', '还有一个问题', villager, 'x', db);
    const server = { ...(await db.consultations.get(id))!, waiting: false, messages: [], status: 'answered' as const };
    await db.consultations.put({ ...server, id: 'gone-one' });
    await db.transaction('rw', [db.consultations, db.outbox, db.settings], () =>
      applyConsultChanges(db, { consultations: [server], consultationsGone: ['gone-one'] }, villager),
    );
    const kept = await db.consultations.get(id);
    expect(kept?.messages.map((m) => m.body)).toEqual(['还有一个问题']);
    expect(kept?.waiting).toBe(true);
    expect(await db.consultations.get('gone-one')).toBeUndefined();
  });
});

const record = (over: Partial<ConsultRecord>): ConsultRecord => ({
  id: 'c',
  full: true,
  channel: 'app',
  category: 'land',
  villageId: 'v',
  villageName: '',
  requesterName: '',
  contactPhone: '',
  callBack: false,
  description: '',
  filedForOther: false,
  filedByName: '',
  mineAsRequester: false,
  mineAsFiler: false,
  activityId: null,
  status: 'open',
  assigneeId: null,
  assigneeName: null,
  referral: null,
  deadline: '2026-12-07',
  filedAt: '2026-11-30T00:00:00.000Z',
  resolvedAt: null,
  rating: null,
  anonymised: false,
  photoIds: [],
  messages: [],
  ...over,
});

describe('the lawyer queues and the tab count', () => {
  const lawyer = { id: 'L', role: 'lawyer' };
  const now = '2026-12-09T02:00:00.000Z';
  it.each([
    ['new and unassigned', record({ status: 'new' }), ['new']],
    ['mine, open, past its deadline', record({ assigneeId: 'L' }), ['mine', 'overdue']],
    [
      'mine, answered, waiting for the requester',
      record({ assigneeId: 'L', status: 'answered', deadline: '2026-12-31' }),
      ['mine', 'waiting'],
    ],
    ['mine and resolved', record({ assigneeId: 'L', status: 'resolved' }), []],
    ["another lawyer's", record({ assigneeId: 'M' }), []],
  ])('%s', (_, c, queues) => {
    expect((['new', 'mine', 'overdue', 'waiting'] as const).filter((q) => inQueue(c, q, lawyer, now))).toEqual(queues);
  });

  it('counts what needs the person: new and open for a lawyer, replies to read for a requester', () => {
    const list = [
      record({ id: 'a', status: 'new' }),
      record({ id: 'b', assigneeId: 'L' }),
      record({ id: 'c', assigneeId: 'L', status: 'answered' }),
    ];
    expect(badgeCount(list, lawyer, now)).toBe(2);
    expect(badgeCount([record({ mineAsRequester: true, status: 'answered' })], { id: 'V', role: 'villager' }, now)).toBe(1);
  });
});
