'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

/** How often a tap on 立即更新 asks a new worker that is still waiting to take over. */
const UPDATE_RETRY_MS = 3_000;

/** Announces a new version waiting in the service worker; it takes over only when the person says so. */
export function UpdatePrompt() {
  const t = useTranslations('update');
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    // `ready`, not getRegistration(): on a phone's first visit this effect runs before BackgroundServices registers
    // the worker (a child's effects run first), and getRegistration() would find none, so an update deployed while
    // that first page stays open would never be announced.
    void navigator.serviceWorker.ready.then((reg) => {
      // Only an update (a worker already controls the page) is announced, not the first install.
      const track = (worker: ServiceWorker | null) => {
        if (!worker) return;
        const check = () => worker.state === 'installed' && navigator.serviceWorker.controller && setWaiting(worker);
        check();
        worker.addEventListener('statechange', check);
      };
      track(reg.waiting);
      reg.addEventListener('updatefound', () => track(reg.installing));
    });
  }, []);

  if (!waiting) return null;
  return (
    <div
      role="status"
      className="fixed inset-x-3 bottom-20 z-50 flex flex-wrap items-center gap-3 rounded-xl bg-ink p-3 text-white shadow-lg"
    >
      <span className="flex-1">{t('available')}</span>
      <Button
        onClick={() => {
          // Reload once the new worker is activated, not at controllerchange: that fires while it is still
          // activating, and a reload sent then was seen to hang in Chromium. Chromium may also give up an activation
          // when one of the page's own requests (a sync, a law download) lands just as the worker changes over, and
          // park the new worker in waiting again: until it is active, ask again every few seconds. The listeners
          // hold the worker itself, so a re-render or remount between the tap and the activation cannot lose the
          // consent. The first install also changes the controller (clientsClaim); only a change asked for reloads.
          const worker = waiting;
          let reloading = false;
          const ask = window.setInterval(() => {
            if (worker.state === 'installed') worker.postMessage({ type: 'SKIP_WAITING' });
          }, UPDATE_RETRY_MS);
          const reloadWhenActive = () => {
            if (reloading || (worker.state !== 'activated' && worker.state !== 'redundant')) return;
            reloading = true;
            window.clearInterval(ask);
            window.location.reload();
          };
          worker.addEventListener('statechange', reloadWhenActive);
          navigator.serviceWorker.addEventListener('controllerchange', reloadWhenActive);
          worker.postMessage({ type: 'SKIP_WAITING' });
        }}
      >
        {t('reload')}
      </Button>
      <Button variant="ghost" className="text-white" onClick={() => setWaiting(null)}>
        {t('later')}
      </Button>
    </div>
  );
}
