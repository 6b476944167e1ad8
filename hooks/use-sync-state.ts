'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useSyncExternalStore } from 'react';
import { localDb } from '@/lib/local/db';
import { countActions } from '@/lib/sync/actions';
import { getSyncState, subscribe, type SyncState } from '@/lib/sync/engine';

const serverState: SyncState = { status: 'idle', needsSignIn: false, error: null };

export function useSyncState(): SyncState {
  return useSyncExternalStore(subscribe, getSyncState, () => serverState);
}

/**
 * The person's actions waiting to reach the server (undefined while loading): one lesson read offline is opened,
 * read and completed, three operations but one action.
 */
export function usePendingCount(): number | undefined {
  return useLiveQuery(async () => countActions(await localDb().outbox.where('status').equals('pending').toArray()));
}
