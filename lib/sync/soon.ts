import { markOffline, syncNow } from './engine';

/** After a local write: sync now when online, and ask the service worker to sync later if the browser can. */
export function syncSoon(): void {
  if (navigator.onLine) void syncNow();
  else markOffline();
  void navigator.serviceWorker?.ready
    .then((reg) => (reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register('pufa-push'))
    .catch(() => undefined);
}
