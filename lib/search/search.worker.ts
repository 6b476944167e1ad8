/// <reference lib="webworker" />
// Runs law search off the main thread. The app creates it with
// new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }).
import { buildLawIndex, loadIndex, searchLaws, type LawArticleDoc, type LawIndex, type LawSearchHit } from './law-index';

export type SearchRequest =
  | { type: 'build'; articles: LawArticleDoc[] }
  | { type: 'load'; json: string }
  | { type: 'query'; id: number | string; q: string; limit?: number };

export type SearchResponse =
  | { type: 'ready'; count: number }
  | { type: 'results'; id: number | string; hits: LawSearchHit[] }
  | { type: 'error'; id?: number | string; message: string };

/** The worker's message handling, kept separate from `self` so it can be unit-tested. */
export function createSearchHandler(): (req: SearchRequest) => SearchResponse {
  let index: LawIndex | null = null;
  return (req) => {
    const id = req.type === 'query' ? req.id : undefined;
    try {
      switch (req.type) {
        case 'build':
          index = buildLawIndex(req.articles);
          return { type: 'ready', count: index.docs.length };
        case 'load':
          index = loadIndex(req.json);
          return { type: 'ready', count: index.docs.length };
        case 'query':
          if (!index) return { type: 'error', id, message: 'index not ready: send build or load first' };
          return { type: 'results', id: req.id, hits: searchLaws(index, req.q, { limit: req.limit }) };
      }
    } catch (e) {
      return { type: 'error', id, message: e instanceof Error ? e.message : String(e) };
    }
  };
}

declare const self: DedicatedWorkerGlobalScope;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const handle = createSearchHandler();
  self.onmessage = (event: MessageEvent<SearchRequest>) => self.postMessage(handle(event.data));
}
