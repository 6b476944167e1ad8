'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { localDb, type LocalProfile } from '@/lib/local/db';

/** The signed-in person as kept on the phone: undefined while loading, null when nobody is signed in. */
export function useProfile(): LocalProfile | null | undefined {
  return useLiveQuery(async () => (await localDb().profile.get('me')) ?? null);
}
