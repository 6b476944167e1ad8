import type { LawArticleDoc, LawSearchHit } from './law-index';
import type { SearchRequest, SearchResponse } from './search.worker';
import type { ThesaurusEntry } from './thesaurus';

/**
 * The page's handle on law search. The index is built in a Web Worker from the articles on the phone once per
 * set of laws held, kept in IndexedDB and loaded from there when search opens again. Where a browser cannot start the
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

export interface LawSearchSource {
  /** the laws held (short title + version of each): the stored index is reused while it is unchanged */
  lawSignature: string;
  thesaurus: ThesaurusEntry[];
  articles: () => Promise<LawArticleDoc[]>;
  /** the serialized index kept on the phone, if it was built for `lawSignature` */
  stored: () => Promise<string | undefined>;
  store: (json: string) => Promise<void>;
}

/**
 * Readies search over the articles held: loads the index kept on the phone for this set of laws, or builds it
 * (once per law version) and keeps it. Resolves to the article count; does nothing when already ready.
 */
export function prepareLawSearch(source: LawSearchSource): Promise<number> {
  const signature = `${source.lawSignature}#${source.thesaurus.length}:${source.thesaurus.map((t) => t.word + t.phrases.join('|')).join(',').length}`;
  if (built?.signature === signature) return built.count;
  const count = (async () => {
    let send = await getHandler();
    const ask = async (req: SearchRequest) => {
      let answer = await send(req);
      if (answer.type === 'error' && !answer.id && req.type === 'build') {
        handler = mainThreadHandler(); // the worker could not load: work on the main thread instead
        send = await handler;
        answer = await send(req);
      }
      return answer;
    };
    const json = await source.stored().catch(() => undefined);
    let answer = json ? await ask({ type: 'load', json, thesaurus: source.thesaurus }) : undefined;
    if (answer?.type !== 'ready') {
      answer = await ask({ type: 'build', articles: await source.articles(), thesaurus: source.thesaurus, serialize: true });
      if (answer.type === 'ready' && answer.json) await source.store(answer.json).catch(() => undefined);
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
