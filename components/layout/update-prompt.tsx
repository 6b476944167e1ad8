'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

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
          // activating, and a reload sent then was seen to hang in Chromium, the page neither reloading nor
          // answering. The listeners hold the worker itself, so a re-render or remount between the tap and the
          // activation cannot lose the consent. The first install also changes the controller (clientsClaim); only
          // a change the person asked for reloads.
          const worker = waiting;
          let reloading = false;
          const reloadWhenActive = () => {
            if (reloading || worker.state !== 'activated') return;
            reloading = true;
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
