import { SYNC_INTERVAL_MS } from '@/lib/constants';
import { localDb } from '@/lib/local/db';
import { backoffDelayMs } from './backoff';

/**
 * The phone's sync loop: push the outbox, then pull changes. It runs on start, when the phone comes online,
 * when the app becomes visible, on a timer, and when the service worker's Background Sync fires. Failures retry
 * with exponential backoff and jitter; a 401 pauses the loop until the person signs in again.
 */
export type SyncStatus = 'idle' | 'pushing' | 'pulling' | 'offline' | 'error';
export interface SyncState {
  status: SyncStatus;
  needsSignIn: boolean;
  error: string | null;
}

let state: SyncState = { status: 'idle', needsSignIn: false, error: null };
const listeners = new Set<() => void>();
let running: Promise<void> | null = null;
let again = false;
let attempt = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let started = false;

function set(next: Partial<SyncState>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSyncState(): SyncState {
  return state;
}

async function runOnce(): Promise<void> {
  if (!navigator.onLine) return set({ status: 'offline' });
  if (state.needsSignIn) return;
  const db = localDb();
  // Nobody has signed in on this phone: there is nothing to push and the server would only answer 401.
  // Signing in stores the profile and calls signedIn(), which syncs at once.
  if (!(await db.profile.get('me'))) return set({ status: 'idle' });
  try {
    // Loaded the first time a sync runs, after the page has painted: no screen needs this code to render, and the
    // service worker precaches the chunks, so it loads offline too.
    const [{ uploadPendingFiles }, { pushOutbox }, { pullChanges }, { refreshOfflineLaws }] = await Promise.all([
      import('@/lib/local/files'),
      import('./push-outbox'),
      import('./pull-changes'),
      import('@/lib/local/laws'),
    ]);
    set({ status: 'pushing', error: null });
    // Photos first, so a record never reaches the server before the photos it names.
    await uploadPendingFiles(db);
    await pushOutbox(db);
    set({ status: 'pulling' });
    await pullChanges(db);
    await refreshOfflineLaws(db);
    attempt = 0;
    set({ status: 'idle' });
  } catch (error) {
    if (error instanceof Error && error.name === 'SyncHttpError' && (error as Error & { status?: number }).status === 401)
      return set({ status: 'error', needsSignIn: true, error: error.message });
    const offline = !navigator.onLine || error instanceof TypeError;
    set({ status: offline ? 'offline' : 'error', error: error instanceof Error ? error.message : String(error) });
    attempt++;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void syncNow(), backoffDelayMs(attempt));
  }
}

/** Runs a sync now, or once more right after the one in progress. */
export function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await runOnce();
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

/** Shows the offline state at once (a write made offline doesn't wait for the next sync attempt to say so). */
export function markOffline(): void {
  set({ status: 'offline' });
}

export function signedIn(): void {
  set({ needsSignIn: false, error: null });
  void syncNow();
}

export function startSyncLoop(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncNow());
  window.addEventListener('offline', () => set({ status: 'offline' }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
  });
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'pufa-synced') void syncNow();
  });
  setInterval(() => void syncNow(), SYNC_INTERVAL_MS);
  void syncNow();
}
