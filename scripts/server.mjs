#!/usr/bin/env node
// The production HTTP server: Next.js behind a thin layer that knows who is on the other end of the socket.
// Route handlers cannot see the socket, so the client's address and protocol are resolved here (trusting forwarding
// headers only from TRUSTED_PROXY) and handed to the app in headers no client can set. Prerendered pages are answered
// from memory once Next has answered them (scripts/static-pages.mjs). Usage: PORT, HOST env; PUFA_STATIC_PAGES=off
// sends every request through Next (to compare).
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { parseTrustedProxies, stampRequest } from './client-address.mjs';
import { staticPageCache, staticPaths } from './static-pages.mjs';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
// Next.js has loaded .env by now, so TRUSTED_PROXY set there applies too.
await app.prepare();
let trusted;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXY);
} catch (error) {
  console.error(`Invalid environment:\n  ${error.message}`);
  process.exit(1);
}
const pages = process.env.PUFA_STATIC_PAGES === 'off' ? undefined : staticPageCache(handle, staticPaths(path.resolve('.next')));
const server = createServer((req, res) => {
  stampRequest(req, trusted);
  if (pages) pages.handle(req, res);
  else handle(req, res);
});
server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
