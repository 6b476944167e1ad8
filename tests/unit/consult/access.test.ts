import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/lib/roles';
import { auditedReader, canReadConsultation, readableConsultation, type Viewer } from '@/server/consult/access';
import type { DbHandle } from '@/server/db/client';
import { HttpError } from '@/server/http';
import { createOrgUnit } from '@/server/org';
import { createUser } from '@/server/users';
import { freshTestDb, testDbKinds, type TestDb } from '../../support/test-db';

/**
 * Consultation privacy (《个人信息保护法》): only the requester, the person who filed it, the assigned lawyer and
 * administrators read a request; anyone else is told it does not exist. Reads by lawyers and administrators are audited.
 */
const row = { requesterId: 'u-requester', filedBy: 'u-filer', assigneeId: 'u-lawyer' };
const as = (id: string, role: Role): Viewer => ({ id, role });

describe('who may read a consultation', () => {
  it.each([
    ['the requester', as('u-requester', 'villager'), true],
    ['the 法律明白人 who filed it for a neighbour', as('u-filer', 'villager'), true],
    ['the assigned lawyer', as('u-lawyer', 'lawyer'), true],
    ['any administrator', as('u-admin', 'admin'), true],
    ['another lawyer', as('u-other-lawyer', 'lawyer'), false],
    ['another villager', as('u-neighbour', 'villager'), false],
    ['a cadre', as('u-cadre', 'cadre'), false],
    ['a publicist', as('u-publicist', 'publicist'), false],
  ])('%s: %s', (_who, viewer, allowed) => {
    expect(canReadConsultation(viewer, row)).toBe(allowed);
  });

  it('does not let a missing requester or assignee match a viewer (a staff-logged case has no requester account)', () => {
    const staffCase = { requesterId: null, filedBy: 'u-filer', assigneeId: null };
    expect(canReadConsultation(as('u-lawyer', 'lawyer'), staffCase)).toBe(false);
    expect(canReadConsultation(as('u-filer', 'cadre'), staffCase)).toBe(true);
  });

  it.each([
    ['admin', true],
    ['lawyer', true],
    ['villager', false],
    ['cadre', false],
    ['publicist', false],
  ] as const)('audits a read by a %s: %s', (role, audited) => {
    expect(auditedReader(as('u-x', role))).toBe(audited);
  });
});

describe.each(testDbKinds)('reading a stored consultation on %s', (kind) => {
  let test: TestDb;
  let handle: DbHandle;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    test = await freshTestDb(kind);
    handle = test.handle;
    await createOrgUnit(handle.db, { id: 'org-v01', parentId: null, name: '东山村', level: 'village' });
    let phone = 10;
    for (const [key, role] of [
      ['requester', 'villager'],
      ['lawyer', 'lawyer'],
      ['otherLawyer', 'lawyer'],
      ['neighbour', 'villager'],
    ] as const) {
      const u = await createUser(handle.db, {
        phone: `139000050${phone++}`,
        name: key,
        password: 'Pufa-demo-2026',
        role,
        orgUnitId: 'org-v01',
        legalLiterate: false,
        legalLiterateSince: null,
      });
      ids[key] = u.id;
    }
    const now = new Date().toISOString();
    await handle.db
      .insertInto('consultation')
      .values({
        id: 'c-1',
        channel: 'app',
        category: 'family',
        villageId: 'org-v01',
        requesterId: ids.requester!,
        requesterName: '马玉兰',
        contactPhone: '13900005010',
        callBack: 0,
        description: '宅基地纠纷',
        filedBy: ids.requester!,
        forOther: 0,
        consentVersion: '1',
        activityId: null,
        photoIds: '[]',
        status: 'open',
        assigneeId: ids.lawyer!,
        referral: null,
        deadline: now,
        filedAt: now,
        receivedAt: now,
        firstReplyAt: null,
        resolvedAt: null,
        rating: null,
        ratedAt: null,
        anonymisedAt: null,
        changeSeq: 1,
      })
      .execute();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('hands the whole row to the requester and to the assigned lawyer', async () => {
    expect(await readableConsultation(handle.db, as(ids.requester!, 'villager'), 'c-1')).toMatchObject({
      id: 'c-1',
      description: '宅基地纠纷',
    });
    expect((await readableConsultation(handle.db, as(ids.lawyer!, 'lawyer'), 'c-1')).id).toBe('c-1');
  });

  it('answers 404, the same as for a request that does not exist, to anyone else', async () => {
    for (const [viewer, id] of [
      [as(ids.otherLawyer!, 'lawyer'), 'c-1'],
      [as(ids.neighbour!, 'villager'), 'c-1'],
      [as(ids.requester!, 'villager'), 'c-missing'],
    ] as const) {
      const refused = await readableConsultation(handle.db, viewer, id).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(HttpError);
      expect(refused).toMatchObject({ status: 404, code: 'CONSULTATION_NOT_FOUND' });
    }
  });
});
