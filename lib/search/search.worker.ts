/// <reference lib="webworker" />
// Runs law search off the main thread. The app creates it with
// new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }).
import { buildLawIndex, loadIndex, searchLaws, serializeIndex, type LawArticleDoc, type LawIndex, type LawSearchHit } from './law-index';
import type { ThesaurusEntry } from './thesaurus';

export type SearchRequest =
  | { type: 'build'; articles: LawArticleDoc[]; thesaurus?: ThesaurusEntry[]; serialize?: boolean }
  | { type: 'load'; json: string; thesaurus?: ThesaurusEntry[] }
  | { type: 'query'; id: number | string; q: string; limit?: number };

export type SearchResponse =
  | { type: 'ready'; count: number; json?: string }
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
          index = buildLawIndex(req.articles, { thesaurus: req.thesaurus });
          return { type: 'ready', count: index.docs.length, ...(req.serialize ? { json: serializeIndex(index) } : {}) };
        case 'load':
          index = loadIndex(req.json, { thesaurus: req.thesaurus });
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
