import type { LawArticleDoc, LawSearchHit } from './law-index';
import type { SearchRequest, SearchResponse } from './search.worker';

/**
 * The page's handle on law search. The index is built in a Web Worker from the articles on the phone and kept
 * for the life of the page, rebuilt only when the set of laws held changes. Where a browser cannot start the
 * worker, the same handler runs on the main thread.
 */
type Handler = (req: SearchRequest) => Promise<SearchResponse>;

function workerHandler(): Handler {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  // The worker answers every request with exactly one message, in order.
  const waiting: ((r: SearchResponse) => void)[] = [];
  worker.onmessage = (event: MessageEvent<SearchResponse>) => waiting.shift()?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    while (waiting.length) waiting.shift()?.({ type: 'error', message: event.message || 'search worker failed' });
  };
  return (req) => new Promise((resolve) => (waiting.push(resolve), worker.postMessage(req)));
}

async function mainThreadHandler(): Promise<Handler> {
  console.warn('law search: the Web Worker is unavailable, searching on the main thread');
  const handle = (await import('./search.worker')).createSearchHandler();
  return async (req) => handle(req);
}

let handler: Promise<Handler> | null = null;
let built: { signature: string; count: Promise<number> } | null = null;

function getHandler(): Promise<Handler> {
  handler ??= (async () => {
    try {
      return workerHandler();
    } catch {
      return mainThreadHandler();
    }
  })();
  return handler;
}

/** Builds the index for `signature` (the laws held) unless it is already built; resolves to the article count. */
export function prepareLawSearch(signature: string, articles: () => Promise<LawArticleDoc[]>): Promise<number> {
  if (built?.signature === signature) return built.count;
  const count = (async () => {
    const send = await getHandler();
    let answer = await send({ type: 'build', articles: await articles() });
    if (answer.type === 'error' && !answer.id) {
      handler = mainThreadHandler(); // the worker could not load: build on the main thread instead
      answer = await (await handler)({ type: 'build', articles: await articles() });
    }
    if (answer.type !== 'ready') throw new Error(answer.type === 'error' ? answer.message : 'unexpected answer');
    return answer.count;
  })();
  built = { signature, count };
  count.catch(() => (built = null));
  return count;
}

let nextId = 0;

export async function searchLawArticles(query: string, limit = 30): Promise<LawSearchHit[]> {
  if (!built) return [];
  await built.count;
  const answer = await (await getHandler())({ type: 'query', id: ++nextId, q: query, limit });
  if (answer.type === 'error') throw new Error(answer.message);
  return answer.type === 'results' ? answer.hits : [];
}
