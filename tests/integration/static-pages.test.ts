import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPeerServer, startTestServer, type TestServer } from './support/server';

/**
 * scripts/server.mjs answers prerendered pages from memory after Next has answered them once
 * (scripts/static-pages.mjs). Each request below goes twice to a server with that fast path (the second answer comes
 * from memory) and once to a server on the same build and data with PUFA_STATIC_PAGES=off (Next alone); status,
 * headers and body bytes must be the same. Sent with node:http so the Host header is the same for both servers and
 * compressed bodies are compared as sent.
 */
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(base: string, method: string, path: string, headers: Record<string, string>): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers: { host: 'pufa.example:8080', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The answer without what belongs to one connection or one moment (framing, the clock). */
function comparable(answer: Answer, lengthFrom: Answer) {
  const headers = { ...answer.headers };
  for (const name of ['date', 'connection', 'keep-alive', 'transfer-encoding']) delete headers[name];
  // Next may stream a body chunked where the fast path states its length; when Next states one, it must match.
  if (!('content-length' in lengthFrom.headers)) delete headers['content-length'];
  return { status: answer.status, headers, body: answer.body.toString('base64') };
}

const BROWSER = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br, zstd',
  'accept-language': 'zh-CN,zh;q=0.9',
  'user-agent': 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-site': 'none',
  'upgrade-insecure-requests': '1',
};

const cases: { name: string; method: string; path: string; headers: Record<string, string> }[] = [
  { name: 'home in Chinese, no headers', method: 'GET', path: '/zh', headers: {} },
  { name: 'home from a browser (gzip)', method: 'GET', path: '/zh', headers: BROWSER },
  { name: 'home, HEAD', method: 'HEAD', path: '/zh', headers: BROWSER },
  { name: 'English sign-in page', method: 'GET', path: '/en/login', headers: { ...BROWSER, 'accept-language': 'en-US,en;q=0.9' } },
  {
    name: 'a lesson page, signed in',
    method: 'GET',
    path: '/zh/study/lesson',
    headers: { ...BROWSER, cookie: 'pufa.session_token=abc; NEXT_LOCALE=zh' },
  },
  {
    name: 'an English browser on a Chinese page (the proxy sets the locale cookie)',
    method: 'GET',
    path: '/zh/laws',
    headers: { ...BROWSER, 'accept-language': 'en' },
  },
  { name: 'a stale locale cookie', method: 'GET', path: '/en', headers: { ...BROWSER, cookie: 'NEXT_LOCALE=zh' } },
  {
    name: 'over https behind no trusted proxy (forwarding headers dropped)',
    method: 'GET',
    path: '/zh/quiz',
    headers: { 'x-forwarded-proto': 'https' },
  },
  { name: 'the web app manifest', method: 'GET', path: '/manifest.webmanifest', headers: BROWSER },
  { name: 'a trailing slash (redirected by Next)', method: 'GET', path: '/zh/', headers: BROWSER },
  { name: 'the bare root (the proxy picks a locale)', method: 'GET', path: '/', headers: BROWSER },
  {
    name: 'a client navigation (RSC payload)',
    method: 'GET',
    path: '/zh/study',
    headers: { rsc: '1', 'next-router-state-tree': '%5B%22%22%5D' },
  },
  { name: 'a query string', method: 'GET', path: '/zh?from=qr', headers: BROWSER },
  { name: 'a conditional request', method: 'GET', path: '/zh', headers: { ...BROWSER, 'if-none-match': '"x"' } },
  { name: 'a page that does not exist', method: 'GET', path: '/zh/nowhere', headers: BROWSER },
];

describe('prerendered pages served from memory', () => {
  let server: TestServer;
  let plain: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    plain = await startPeerServer(server, { PUFA_STATIC_PAGES: 'off' });
  });
  afterAll(async () => {
    await plain?.stop();
    await server?.stop();
  });

  it.each(cases)('answers $name exactly as Next does', async ({ method, path, headers }) => {
    const reference = await send(plain.url, method, path, headers);
    const learned = await send(server.url, method, path, headers);
    const remembered = await send(server.url, method, path, headers);
    expect(comparable(learned, reference)).toEqual(comparable(reference, reference));
    expect(comparable(remembered, reference)).toEqual(comparable(reference, reference));
  });

  it('sends the security and cache headers with a remembered page', async () => {
    await send(server.url, 'GET', '/zh/me', BROWSER);
    const page = await send(server.url, 'GET', '/zh/me', BROWSER);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBeTruthy();
  });
});
