import { vi } from 'vitest';

/** A fetch that answers from `respond` and remembers every request it was given, with its JSON body. */
export interface SeenRequest {
  url: string;
  init: RequestInit | undefined;
  body: unknown;
}

export function fakeFetch(respond: (request: SeenRequest, index: number) => Response | Promise<Response>) {
  const seen: SeenRequest[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request: SeenRequest = { url: String(input), init, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    seen.push(request);
    return respond(request, seen.length - 1);
  });
  return { fetch: fn as unknown as typeof fetch, seen };
}
