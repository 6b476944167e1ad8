/// <reference lib="webworker" />
import { defaultCache } from '@serwist/next/worker';
import { NetworkOnly, Serwist, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from 'serwist';
import { PufaDB } from '@/lib/local/db';
import { pushOutbox } from '@/lib/sync/push-outbox';

/**
 * The service worker: precaches the app shell and every prerendered page of both locales, never caches the API
 * (it carries personal data), falls back to the offline page for pages it doesn't hold, waits for the person to
 * accept an update, and pushes the outbox on Background Sync.
 */
declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

// Turbopack starts a Web Worker (law search) at turbopack-worker-….js#params=…, and the worker reads its chunk list
// from its own URL. A response from the cache carries the URL without that fragment; a re-wrapped response takes
// the request's URL, fragment included.
const keepWorkerUrl: SerwistPlugin = {
  handlerWillRespond: async ({ request, response }) =>
    request.destination === 'worker'
      ? new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers })
      : response,
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // Pages are static shells that read their data on the phone, so /zh/study/lesson?id=… is the same page.
  // /zh/ (a trailing slash, as people type it or links carry it) is the same page as /zh.
  precacheOptions: {
    ignoreURLParametersMatching: [/.*/],
    cleanupOutdatedCaches: true,
    plugins: [keepWorkerUrl],
    urlManipulation: ({ url }) =>
      url.pathname.length > 1 && url.pathname.endsWith('/') ? [new URL(url.pathname.replace(/\/+$/, ''), url.origin)] : [],
  },
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    { matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/'), handler: new NetworkOnly() },
    ...defaultCache,
  ],
  fallbacks: {
    entries: [
      {
        url: '/en/offline',
        matcher: ({ request }) => request.destination === 'document' && new URL(request.url).pathname.startsWith('/en'),
      },
      { url: '/zh/offline', matcher: ({ request }) => request.destination === 'document' },
    ],
  },
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('sync', (event) => {
  const e = event as ExtendableEvent & { tag: string };
  if (e.tag !== 'pufa-push') return;
  e.waitUntil(
    pushOutbox(new PufaDB(), fetch.bind(self), self.location.origin).then(async () => {
      for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'pufa-synced' });
    }),
  );
});

// Offline, the bare address opens the Chinese home page instead of the offline page.
serwist.registerCapture(
  ({ request, url }) => request.mode === 'navigate' && url.pathname === '/',
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return Response.redirect('/zh', 302);
    }
  },
);

serwist.addEventListeners();
