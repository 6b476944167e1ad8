import type { IncomingMessage, ServerResponse } from 'node:http';

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export function staticPaths(distDir: string): Set<string>;
export function cacheKey(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>, paths: Set<string>): string | null;
export function staticPageCache(
  handle: Handler,
  paths: Set<string>,
): {
  entries: Map<string, { status: number; headers: Record<string, unknown>; body: Buffer }>;
  handle(req: IncomingMessage, res: ServerResponse): unknown;
};
