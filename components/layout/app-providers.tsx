'use client';
import { useEffect, type ReactNode } from 'react';
import { startSyncLoop } from '@/lib/sync/engine';
import { localDb, getSetting, setSetting } from '@/lib/local/db';
import { UpdatePrompt } from './update-prompt';

/** Starts what runs for the whole app on the phone: the service worker, the sync loop, persistent storage. */
export function AppProviders({ children }: { children: ReactNode }) {
  useEffect(() => {
    if ('serviceWorker' in navigator && process.env.NODE_ENV === 'production') {
      void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => console.warn('service worker registration failed', error));
    }
    startSyncLoop();
    void (async () => {
      const db = localDb();
      if (await getSetting<boolean>(db, 'persistRequested')) return;
      await setSetting(db, 'persistRequested', true);
      await navigator.storage?.persist?.();
    })().catch(() => undefined);
  }, []);
  return (
    <>
      {children}
      <UpdatePrompt />
    </>
  );
}
