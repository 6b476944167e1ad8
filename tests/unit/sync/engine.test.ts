import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNC_BACKOFF_BASE_MS, SYNC_INTERVAL_MS } from '@/lib/constants';

/**
 * The phone's sync loop (lib/sync/engine.ts) with fake timers and fake browser events: it syncs on start, when the
 * phone comes online, when the app becomes visible, on its timer and when the service worker says so; a failure
 * retries after the backoff delay, a 401 pauses the loop until the person signs in again.
 */
const calls = { upload: 0, push: 0, pull: 0, laws: 0 };
let pushError: Error | null = null;

// a phone someone has signed in on (the loop does nothing before that)
vi.mock('@/lib/local/db', () => ({ localDb: () => ({ profile: { get: async () => ({ key: 'me' }) } }) }));
vi.mock('@/lib/local/files', () => ({ uploadPendingFiles: async () => void calls.upload++ }));
vi.mock('@/lib/local/laws', () => ({ refreshOfflineLaws: async () => void calls.laws++ }));
vi.mock('@/lib/sync/pull-changes', () => ({ pullChanges: async () => void calls.pull++ }));
vi.mock('@/lib/sync/push-outbox', () => ({
  pushOutbox: async () => {
    calls.push++;
    if (pushError) throw pushError;
  },
}));

class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
}

let win: EventTarget;
let doc: FakeDocument;
let sw: EventTarget;
let nav: { onLine: boolean; serviceWorker: EventTarget };

/** A fresh engine (its state is module-level) with fresh fake browser globals. */
async function freshEngine() {
  vi.resetModules();
  return import('@/lib/sync/engine');
}
/** Lets the awaited dynamic imports and mocked calls settle without moving the clock. */
async function settle() {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
}
const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { name: 'SyncHttpError', status });

beforeEach(() => {
  vi.useFakeTimers();
  Object.assign(calls, { upload: 0, push: 0, pull: 0, laws: 0 });
  pushError = null;
  win = new EventTarget();
  doc = new FakeDocument();
  sw = new EventTarget();
  nav = { onLine: true, serviceWorker: sw };
  vi.stubGlobal('window', win);
  vi.stubGlobal('document', doc);
  vi.stubGlobal('navigator', nav);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the sync loop', () => {
  it('syncs once on start: photos, then the outbox, then the pull and the offline laws', async () => {
    const engine = await freshEngine();
    engine.startSyncLoop();
    engine.startSyncLoop();
    await settle();
    expect(calls).toEqual({ upload: 1, push: 1, pull: 1, laws: 1 });
    expect(engine.getSyncState()).toEqual({ status: 'idle', needsSignIn: false, error: null });
  });

  it('syncs again when the phone comes online, and shows offline when it goes', async () => {
    const engine = await freshEngine();
    engine.startSyncLoop();
    await settle();
    win.dispatchEvent(new Event('offline'));
    expect(engine.getSyncState().status).toBe('offline');
    win.dispatchEvent(new Event('online'));
    await settle();
    expect(calls.push).toBe(2);
    expect(engine.getSyncState().status).toBe('idle');
  });

  it('syncs when the app becomes visible, not when it is hidden', async () => {
    const engine = await freshEngine();
    engine.startSyncLoop();
    await settle();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(calls.push).toBe(1);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(calls.push).toBe(2);
  });

  it('syncs on its timer every SYNC_INTERVAL_MS, and not before', async () => {
    const engine = await freshEngine();
    engine.startSyncLoop();
    await settle();
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS - 1);
    expect(calls.push).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(calls.push).toBe(2);
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS);
    await settle();
    expect(calls.push).toBe(3);
  });

  it('syncs when the service worker says its Background Sync ran, and ignores other messages', async () => {
    const engine = await freshEngine();
    engine.startSyncLoop();
    await settle();
    sw.dispatchEvent(new MessageEvent('message', { data: { type: 'something-else' } }));
    await settle();
    expect(calls.push).toBe(1);
    sw.dispatchEvent(new MessageEvent('message', { data: { type: 'pufa-synced' } }));
    await settle();
    expect(calls.push).toBe(2);
  });

  it('does not push while offline, and says so', async () => {
    nav.onLine = false;
    const engine = await freshEngine();
    await engine.syncNow();
    expect(calls.push).toBe(0);
    expect(engine.getSyncState().status).toBe('offline');
  });

  it('retries a failed sync after the backoff delay, doubling it each time, then resets after a success', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1); // the top of the jitter: the full ceiling
    pushError = new Error('HTTP 500');
    const engine = await freshEngine();
    await engine.syncNow();
    expect(engine.getSyncState()).toMatchObject({ status: 'error', error: 'HTTP 500' });
    expect(calls.push).toBe(1);
    await vi.advanceTimersByTimeAsync(SYNC_BACKOFF_BASE_MS - 1);
    expect(calls.push).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(calls.push).toBe(2);
    // second retry: twice the base
    await vi.advanceTimersByTimeAsync(2 * SYNC_BACKOFF_BASE_MS - 1);
    expect(calls.push).toBe(2);
    pushError = null;
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(calls.push).toBe(3);
    expect(engine.getSyncState().status).toBe('idle');
    // no retry is left pending after the success
    await vi.advanceTimersByTimeAsync(10 * SYNC_BACKOFF_BASE_MS);
    expect(calls.push).toBe(3);
  });

  it('shows a network failure as offline, not as an error', async () => {
    pushError = new TypeError('Failed to fetch');
    const engine = await freshEngine();
    await engine.syncNow();
    expect(engine.getSyncState().status).toBe('offline');
  });

  it('pauses on a 401 until the person signs in again: no retries, no timer syncs', async () => {
    pushError = httpError(401);
    const engine = await freshEngine();
    engine.startSyncLoop();
    await settle();
    expect(engine.getSyncState()).toMatchObject({ status: 'error', needsSignIn: true });
    await vi.advanceTimersByTimeAsync(3 * SYNC_INTERVAL_MS);
    await settle();
    expect(calls.push).toBe(1);
    pushError = null;
    engine.signedIn();
    await settle();
    expect(calls.push).toBe(2);
    expect(engine.getSyncState()).toEqual({ status: 'idle', needsSignIn: false, error: null });
  });

  it('runs one more sync after the one in progress when asked during it, not two in parallel', async () => {
    const engine = await freshEngine();
    const first = engine.syncNow();
    const second = engine.syncNow();
    const third = engine.syncNow();
    expect(second).toBe(first);
    expect(third).toBe(first);
    await first;
    await settle();
    expect(calls.push).toBe(2);
  });
});
