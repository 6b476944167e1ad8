// @ts-check
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/**
 * Every response: a Content-Security-Policy that allows nothing from another host (the app makes no outside request),
 * no plugins, no <base>, no framing; the service worker and the search worker load from the app itself. Next.js
 * inlines its bootstrap scripts into prerendered pages, so scripts need 'unsafe-inline' (nonces would make every
 * page dynamic and impossible to precache for offline use).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CSP },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=(self)' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pg', 'kysely'],
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      {
        // HSTS only when the request came over HTTPS, as scripts/server.mjs resolved it (a browser ignores HSTS on
        // plain http anyway, but a LAN address must never be told to insist on https it cannot offer).
        source: '/:path*',
        has: [{ type: 'header', key: 'x-pufa-client-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }],
      },
      {
        source: '/sw.js',
        headers: [
          { key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' },
          { key: 'Service-Worker-Allowed', value: '/' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
