#!/usr/bin/env node
// The production HTTP server: Next.js behind a thin layer that knows who is on the other end of the socket.
// Route handlers cannot see the socket, so the client's address and protocol are resolved here (trusting forwarding
// headers only from TRUSTED_PROXY) and handed to the app in headers no client can set. Usage: PORT, HOST env.
import { createServer } from 'node:http';
import next from 'next';
import { parseTrustedProxies, stampRequest } from './client-address.mjs';

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
const server = createServer((req, res) => {
  stampRequest(req, trusted);
  handle(req, res);
});
server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
