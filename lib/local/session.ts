import { localDb, type LocalProfile, type PufaDB } from './db';
import { activityPersonalTables } from './activity';
import { clearConsultations } from './consult';
import { clearQuizPersonalData, quizPersonalTables } from './quiz-sync';

/**
 * The signed-in person on the phone. After one online sign-in the profile is kept in Dexie so the app opens
 * offline; a different person signing in on the same phone starts from a clean slate (own device id, no one
 * else's progress or queue).
 */
export class ProfileFetchError extends Error {
  constructor(readonly status: number) {
    super(`profile request failed with ${status}`);
  }
}

/** Another person's actions still wait on this phone: they must sign in and sync before someone else signs in. */
export class PendingForOtherUser extends Error {
  constructor(
    readonly owner: string,
    readonly count: number,
  ) {
    super(`${count} actions of ${owner} are not synced yet`);
  }
}

type MeResponse = Omit<LocalProfile, 'key' | 'savedAt'>;

async function clearPersonalData(db: PufaDB): Promise<void> {
  await db.transaction(
    'rw',
    [db.profile, db.progress, db.outbox, db.settings, db.files, db.consultations, ...quizPersonalTables(db), ...activityPersonalTables(db)],
    async () => {
      await clearQuizPersonalData(db);
      await clearConsultations(db);
      await db.profile.clear();
      await db.progress.clear();
      await db.outbox.clear();
      await db.files.clear();
      for (const table of activityPersonalTables(db)) await table.clear();
      // Content and its cursor stay; the device id and op sequence belong to the person who leaves.
      await db.settings.bulkDelete(['deviceId', 'lastSeq', 'cursor', 'lastSyncAt']);
    },
  );
}

/** Fetches /api/me and stores it. Throws ProfileFetchError(401) when the session is gone. */
export async function refreshProfile(db = localDb()): Promise<LocalProfile> {
  const response = await fetch('/api/me', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new ProfileFetchError(response.status);
  const me = (await response.json()) as MeResponse;
  const previous = await db.profile.get('me');
  if (previous && previous.id !== me.id) {
    const waiting = (await db.outbox.count()) + (await db.files.where('status').equals('pending').count());
    if (waiting > 0) throw new PendingForOtherUser(previous.name, waiting);
    await clearPersonalData(db);
  }
  const profile: LocalProfile = { ...me, key: 'me', savedAt: new Date().toISOString() };
  await db.profile.put(profile);
  return profile;
}

/** Ends the session on the server, then forgets the person on this phone. */
export async function signOut(db = localDb()): Promise<void> {
  const response = await fetch('/api/auth/sign-out', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (!response.ok && response.status !== 401) throw new Error(`sign-out failed with ${response.status}`);
  await clearPersonalData(db);
}
