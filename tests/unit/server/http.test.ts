import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError, readBody, readJson, requireSameOrigin } from '@/server/http';

/** Request bodies are read to their limit and no further, whatever the client declares. */
function endlessChunkedRequest(): { request: Request; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request('http://127.0.0.1/api/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

describe('readBody and readJson', () => {
  it('stop an endless chunked body at the limit with 413, having read no more than one chunk past it', async () => {
    const { request, pulled } = endlessChunkedRequest();
    expect(await statusOf(readBody(request, 64 * 1024))).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(64 * 1024 + 3 * 16 * 1024);
  });

  it('answers 413 for an endless JSON body too', async () => {
    const { request, pulled } = endlessChunkedRequest();
    expect(await statusOf(readJson(request, z.object({}), 8 * 1024))).toBe(413);
    expect(pulled()).toBeLessThan(64 * 1024);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const request = new Request('http://127.0.0.1/api/x', { method: 'POST', body: 'x', headers: { 'Content-Length': '999999' } });
    expect(await statusOf(readBody(request, 1024))).toBe(413);
  });

  it('reads a body within the limit whole', async () => {
    const request = new Request('http://127.0.0.1/api/x', { method: 'POST', body: JSON.stringify({ name: '马福贵' }) });
    expect(await readJson(request, z.object({ name: z.string() }))).toEqual({ name: '马福贵' });
  });
});

describe('requireSameOrigin', () => {
  const post = (headers: Record<string, string>) =>
    new Request('http://127.0.0.1:3000/api/users', { method: 'POST', headers: { host: '127.0.0.1:3000', ...headers } });

  it.each<{ why: string; headers: Record<string, string> }>([
    { why: 'Origin: null (a sandboxed frame or file)', headers: { origin: 'null' } },
    { why: 'another site', headers: { origin: 'https://evil.example' } },
    { why: 'a cross-site fetch', headers: { 'sec-fetch-site': 'cross-site' } },
  ])('refuses $why with 403', ({ headers }) => {
    expect(() => requireSameOrigin(post(headers))).toThrow(expect.objectContaining({ status: 403, code: 'CROSS_SITE' }));
  });

  it('lets the app itself through', () => {
    expect(() => requireSameOrigin(post({ origin: 'http://127.0.0.1:3000' }))).not.toThrow();
  });
});
