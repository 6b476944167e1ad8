'use client';
import '@/lib/zod-client';
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { startSyncLoop } from '@/lib/sync/engine';

/** Starts what runs for the whole app on the phone: the sync loop now, the service worker and the rest after paint. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [Background, setBackground] = useState<ComponentType | null>(null);
  useEffect(() => {
    startSyncLoop();
    void import('./background-services').then((m) => setBackground(() => m.default));
  }, []);
  return (
    <>
      {children}
      {Background ? <Background /> : null}
    </>
  );
}
