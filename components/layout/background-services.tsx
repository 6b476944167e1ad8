'use client';
import { useEffect } from 'react';
import { getSetting, localDb, setSetting } from '@/lib/local/db';
import { listenForInstallPrompt } from '@/lib/install';
import { UpdatePrompt } from './update-prompt';
import { WeChatHint } from './wechat-hint';

/**
 * What runs behind every screen once it has painted: the service worker's registration, the request for
 * persistent storage, the install offer, the WeChat hint and the update prompt. Loaded after hydration, so no page waits for it.
 */
export default function BackgroundServices() {
  useEffect(() => listenForInstallPrompt(), []);
  useEffect(() => {
    if ('serviceWorker' in navigator && process.env.NODE_ENV === 'production') {
      void navigator.serviceWorker
        .register('/sw.js', { scope: '/' })
        .catch((error: unknown) => console.warn('service worker registration failed', error));
    }
    void (async () => {
      const db = localDb();
      if (await getSetting<boolean>(db, 'persistRequested')) return;
      await setSetting(db, 'persistRequested', true);
      await navigator.storage?.persist?.();
    })().catch(() => undefined);
  }, []);
  return (
    <>
      <WeChatHint />
      <UpdatePrompt />
    </>
  );
}
