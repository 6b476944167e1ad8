import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { staticPageCache } from '@/scripts/static-pages.mjs';

/**
 * The fast path of scripts/server.mjs over a stand-in for Next's handler that counts its calls: a prerendered page
 * is answered by the handler once per key and from memory after that, with the handler's own status, headers and
 * bytes; everything it must not remember reaches the handler every time. (tests/integration/static-pages.test.ts
 * compares the answers with Next's own on the real build.)
 */
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function start(next: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ calls: () => number; port: number }> {
  let calls = 0;
  const cache = staticPageCache(
    (req, res) => {
      calls++;
      next(req, res);
    },
    new Set(['/zh', '/zh/login']),
  );
  server = createServer((req, res) => cache.handle(req, res));
  return new Promise((resolve) =>
    server!.listen(0, '127.0.0.1', () => {
      const address = server!.address();
      resolve({ calls: () => calls, port: typeof address === 'object' && address ? address.port : 0 });
    }),
  );
}

function send(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        const { date: _date, connection: _c, 'keep-alive': _k, ...rest } = res.headers;
        resolve({ status: res.statusCode ?? 0, headers: rest, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A page the way Next sends one: headers set one by one, some repeated, then the body in two writes. */
function page(req: IncomingMessage, res: ServerResponse, extra: Record<string, string | string[]> = {}) {
  res.setHeader('Content-Security-Policy', "default-src 'self'");
  res.setHeader('x-nextjs-prerender', ['1', '1']);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('x-seen-language', String(req.headers['accept-language'] ?? ''));
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
  res.write('<html>');
  res.end(`${req.url}</html>`);
}

describe('the prerendered page cache', () => {
  it('asks Next once and answers the same request from memory with the same status, headers and body', async () => {
    const { calls, port } = await start((req, res) => page(req, res));
    const first = await send(port, '/zh', { 'accept-language': 'zh' });
    const second = await send(port, '/zh', { 'accept-language': 'zh' });
    const third = await send(port, '/zh', { 'accept-language': 'zh' });
    expect(calls()).toBe(1);
    expect(first.body).toBe('<html>/zh</html>');
    expect(second).toEqual({ ...first, headers: { ...first.headers, 'content-length': '16', 'transfer-encoding': undefined } });
    expect(third).toEqual(second);
    expect(second.headers['x-nextjs-prerender']).toBe('1, 1');
  });

  it('keeps a separate answer for each value of a header the answer may depend on', async () => {
    const { calls, port } = await start((req, res) => page(req, res));
    expect((await send(port, '/zh', { 'accept-language': 'zh' })).headers['x-seen-language']).toBe('zh');
    expect((await send(port, '/zh', { 'accept-language': 'en' })).headers['x-seen-language']).toBe('en');
    expect((await send(port, '/zh', { 'accept-language': 'en' })).headers['x-seen-language']).toBe('en');
    await send(port, '/zh', { 'accept-language': 'en', cookie: 'NEXT_LOCALE=zh' });
    await send(port, '/zh', { 'accept-language': 'en', cookie: 'NEXT_LOCALE=zh; pufa.session_token=a' });
    await send(port, '/zh', { 'accept-language': 'en', cookie: 'pufa.session_token=b; NEXT_LOCALE=zh' });
    expect(calls()).toBe(3);
  });

  it('answers HEAD from memory without a body', async () => {
    const { calls, port } = await start((req, res) => page(req, res));
    await send(port, '/zh', {}, 'HEAD');
    const head = await send(port, '/zh', {}, 'HEAD');
    expect(calls()).toBe(1);
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-security-policy']).toBe("default-src 'self'");
  });

  it.each<{ why: string; path: string; headers: Record<string, string> }>([
    { why: 'a path that is not prerendered', path: '/zh/', headers: {} },
    { why: 'a query string', path: '/zh?from=qr', headers: {} },
    { why: 'a client navigation asking for the RSC payload', path: '/zh', headers: { rsc: '1' } },
    { why: 'a conditional request', path: '/zh', headers: { 'if-none-match': '"abc"' } },
    { why: 'a range request', path: '/zh', headers: { range: 'bytes=0-10' } },
  ])('always hands $why to Next', async ({ path, headers }) => {
    const { calls, port } = await start((req, res) => page(req, res));
    await send(port, path, headers);
    await send(port, path, headers);
    expect(calls()).toBe(2);
  });

  it('remembers an answer that sets the locale cookie, but never one that sets another cookie or is not a 200', async () => {
    const { calls, port } = await start((req, res) => {
      if (req.url === '/zh/login') return page(req, res, { 'set-cookie': ['NEXT_LOCALE=zh; Path=/', 'other=1'] });
      if (req.headers['accept-language'] === 'en') return page(req, res, { 'set-cookie': 'NEXT_LOCALE=zh; Path=/' });
      res.statusCode = 503;
      res.end('busy');
    });
    for (let i = 0; i < 2; i++) await send(port, '/zh/login');
    expect(calls()).toBe(2);
    for (let i = 0; i < 2; i++) await send(port, '/zh');
    expect(calls()).toBe(4);
    const cookies = [];
    for (let i = 0; i < 2; i++) cookies.push((await send(port, '/zh', { 'accept-language': 'en' })).headers['set-cookie']);
    expect(calls()).toBe(5);
    expect(cookies).toEqual([['NEXT_LOCALE=zh; Path=/'], ['NEXT_LOCALE=zh; Path=/']]);
  });

  it('leaves POST to Next', async () => {
    const { calls, port } = await start((req, res) => page(req, res));
    await send(port, '/zh', {}, 'POST');
    await send(port, '/zh', {}, 'POST');
    expect(calls()).toBe(2);
  });
});
