import path from 'node:path';
import type { Role } from '@/lib/roles';
import { loadShippedContent } from '@/server/content';
import type { DbHandle } from '@/server/db/client';
import { createOrgUnit } from '@/server/org';
import { loadShippedQuestions } from '@/server/quiz/bank';
import { createUser, type UserSummary } from '@/server/users';

/**
 * The small township in-process server tests start from: 普法镇 with two villages, 东山村 (org-v01) and 西川村
 * (org-v02), the shipped lessons and, when asked, the shipped questions.
 */
export async function seedTestTownship(handle: DbHandle, { questions = false }: { questions?: boolean } = {}): Promise<void> {
  await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
  await createOrgUnit(handle.db, { id: 'org-v01', parentId: 'org-town', name: '东山村', level: 'village' });
  await createOrgUnit(handle.db, { id: 'org-v02', parentId: 'org-town', name: '西川村', level: 'village' });
  const content = path.resolve(process.cwd(), 'content');
  await loadShippedContent(handle, content);
  if (questions) await loadShippedQuestions(handle, content);
}

/**
 * Makes one person after another, each with a phone number of their own: `prefix` (eight digits) and a three-digit
 * counter. A test file uses its own prefix, so files sharing a database never collide.
 */
export function personMaker(handle: DbHandle, prefix: string, name: string) {
  let next = 100;
  return (orgUnitId = 'org-v01', role: Role = 'villager'): Promise<UserSummary> =>
    createUser(handle.db, {
      phone: `${prefix}${next++}`,
      name,
      password: 'Pufa-demo-2026',
      role,
      orgUnitId,
      legalLiterate: false,
      legalLiterateSince: null,
    });
}
