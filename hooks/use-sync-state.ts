'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useSyncExternalStore } from 'react';
import { localDb } from '@/lib/local/db';
import { getSyncState, subscribe, type SyncState } from '@/lib/sync/engine';

const serverState: SyncState = { status: 'idle', needsSignIn: false, error: null };

export function useSyncState(): SyncState {
  return useSyncExternalStore(subscribe, getSyncState, () => serverState);
}

/** Ops waiting to reach the server (undefined while loading). */
export function usePendingCount(): number | undefined {
  return useLiveQuery(() => localDb().outbox.where('status').equals('pending').count());
}
