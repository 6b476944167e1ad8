// The fast path for prerendered pages (see scripts/server.mjs). A page Next.js prerendered at build time with no
// revalidation (`/zh`, `/en/login`, …) answers every request the same way, but Next's full handler still costs a
// proxy (middleware) run, routing and header computation per request: a few per cent of a plain http server's rate.
//
// This cache learns each answer from Next itself instead of rebuilding it: the first GET or HEAD of a page, for a
// given set of the request headers that can change the answer, goes through Next, and its status, headers and body
// bytes (as sent, compressed or not) are kept; later requests with the same key get those bytes from memory. So the
// security headers, cache headers, content type, ETag, the locale proxy's Link header and any redirect logic are
// exactly Next's, because they are Next's. What is not cached goes to Next as before:
// - paths that are not prerendered-and-never-revalidated in the build's prerender manifest (so `/zh/`, `/`, API
//   routes, dynamic pages and ISR pages always reach Next; Next redirects `/zh/` to `/zh` itself);
// - any request with a query string, or with a header outside the lists below (RSC and router-state headers of a
//   client navigation, If-None-Match, Range, draft-mode… all fall through);
// - any answer that is not a 200, or that sets a cookie other than the locale proxy's NEXT_LOCALE (which the proxy
//   derives from the keyed Accept-Language, Sec-Fetch-Dest and NEXT_LOCALE cookie, so it is kept with the page).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Request headers that can change a static page's answer: each is part of the cache key. The locale proxy
 * (next-intl) reads Accept-Language, Sec-Fetch-Dest (it sets the locale cookie only on document requests), the
 * host and forwarding headers (its Link header names absolute URLs); Next compresses by Accept-Encoding; HSTS
 * depends on x-pufa-client-proto (next.config.js); Next treats some user agents (bots) differently.
 */
const KEYED = [
  'host',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-pufa-client-proto',
  'accept',
  'accept-encoding',
  'accept-language',
  'user-agent',
  'sec-fetch-dest',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-fetch-user',
  'sec-purpose',
];
/** Request headers that cannot change a prerendered page's answer (no page that is prerendered reads them). */
const IGNORED = new Set([
  'connection',
  'keep-alive',
  'cache-control',
  'pragma',
  'priority',
  'dnt',
  'referer',
  'upgrade-insecure-requests',
  'x-forwarded-for',
  'x-real-ip',
  'x-pufa-client-address',
  'x-request-id',
  'via',
]);
const KEYED_SET = new Set(KEYED);
/** Cookies are part of the key (the locale proxy reads NEXT_LOCALE), except the session's, which no static page reads. */
const SESSION_COOKIE = /(^|[._-])session_(token|data)$|^better-auth\./;
/** Headers of one connection or one moment, which are not the cached answer's but the socket's. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const MAX_ENTRIES = 500;

/** The paths Next.js prerendered that never revalidate, from the build's prerender manifest. */
export function staticPaths(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8'));
  return new Set(
    Object.entries(manifest.routes ?? {})
      .filter(([, route]) => route.initialRevalidateSeconds === false)
      .map(([route]) => route),
  );
}

/** An answer may be kept if it sets no cookie but the locale proxy's, which follows from the keyed headers. */
function onlyLocaleCookie(setCookie) {
  if (setCookie === undefined) return true;
  return [setCookie].flat().every((c) => String(c).startsWith('NEXT_LOCALE='));
}

function cookieKey(cookie) {
  if (!cookie) return '';
  return String(cookie)
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c && !SESSION_COOKIE.test(c.slice(0, Math.max(0, c.indexOf('=')))))
    .sort()
    .join('; ');
}

/** The cache key of a request, or null when it must go to Next. */
export function cacheKey(req, paths) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = req.url ?? '';
  if (url.includes('?') || !paths.has(url)) return null;
  const parts = [req.method, url];
  for (const name of Object.keys(req.headers)) {
    if (name === 'cookie' || KEYED_SET.has(name) || IGNORED.has(name) || name.startsWith('sec-ch-')) continue;
    return null;
  }
  for (const name of KEYED) {
    const value = req.headers[name];
    parts.push(Array.isArray(value) ? value.join(',') : (value ?? ''));
  }
  parts.push(cookieKey(req.headers.cookie));
  return parts.join('\n');
}

/**
 * Wraps Next's request handler: serves learned answers of prerendered pages from memory and learns the others.
 * `handle(req, res)` is Next's handler; `paths` the set from staticPaths().
 */
export function staticPageCache(handle, paths) {
  const entries = new Map();

  function serve(entry, res) {
    res.writeHead(entry.status, entry.headers);
    res.end(entry.body);
  }

  function learn(key, res) {
    const chunks = [];
    let status = 0;
    let headers;
    const { writeHead, write, end } = res;
    const snapshot = (extra) => {
      // Next sets its headers with setHeader; writeHead's own argument (if any) wins, as in Node.
      headers = { ...res.getHeaders() };
      if (extra && typeof extra === 'object' && !Array.isArray(extra))
        for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
      else if (Array.isArray(extra)) headers = undefined; // raw header arrays: not worth learning
    };
    res.writeHead = function (code, ...rest) {
      status = code;
      snapshot(rest.find((a) => a && typeof a === 'object'));
      return writeHead.call(this, code, ...rest);
    };
    const keep = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
    };
    res.write = function (chunk, encoding, cb) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, cb);
    };
    res.end = function (chunk, encoding, cb) {
      keep(chunk, encoding);
      return end.call(this, chunk, encoding, cb);
    };
    res.once('finish', () => {
      if (entries.size >= MAX_ENTRIES || entries.has(key)) return;
      if (!status) status = res.statusCode;
      if (!headers) {
        if (status !== res.statusCode) return;
        snapshot(undefined);
      }
      if (status !== 200 || !headers || !onlyLocaleCookie(headers['set-cookie'])) return;
      const kept = {};
      for (const [name, value] of Object.entries(headers)) if (!PER_RESPONSE.has(name)) kept[name] = value;
      const body = Buffer.concat(chunks);
      // A HEAD answer has no body to learn its length from: keep what Next said.
      if (key.startsWith('GET') && !('content-length' in kept)) kept['content-length'] = String(body.length);
      entries.set(key, { status, headers: kept, body: key.startsWith('GET') ? body : Buffer.alloc(0) });
    });
  }

  return {
    entries,
    /** Answers req from memory when it can; otherwise hands it to Next (learning the answer if it may). */
    handle(req, res) {
      const key = cacheKey(req, paths);
      if (key !== null) {
        const entry = entries.get(key);
        if (entry) return serve(entry, res);
        learn(key, res);
      }
      return handle(req, res);
    },
  };
}
