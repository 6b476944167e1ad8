import 'server-only';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ParsedFile, ParseFilesResult } from '@/lib/laws/parse-files';
import { LawImportError, type LawFile } from './law-file';

/**
 * Runs the parsing of law files in a worker thread (server/laws/parse-worker.ts) with a bounded heap, so a
 * 400 MB .docx or a pathological text costs that thread, not every request the server is answering.
 */
const WORKER_HEAP_MB = 512;
// The production build bundles the worker entry (Turbopack resolves `new Worker(new URL(…))`). From source (tests,
// the CLI under tsx) the entry is TypeScript: a small bootstrap loads it through tsx's API inside the worker.
const fromSource = import.meta.url.endsWith('.ts');

function sourceWorker(options: WorkerOptions): Worker {
  const entry = JSON.stringify(import.meta.url.replace(/parse-off-thread\.ts$/, 'parse-worker.ts'));
  const bootstrap = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${entry}, ${entry}))`;
  return new Worker(bootstrap, { ...options, eval: true });
}

type WorkerMessage = { type: 'file'; name: string; done: number } | { type: 'result'; result: ParseFilesResult };

export function parseLawFilesOffThread(files: LawFile[], onFile?: (name: string, done: number) => void): Promise<ParsedFile[]> {
  return new Promise((resolve, reject) => {
    const options = { workerData: { files }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
    const worker = fromSource ? sourceWorker(options) : new Worker(new URL('./parse-worker.ts', import.meta.url), options);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'file') return onFile?.(message.name, message.done);
      const { result } = message;
      if (result.ok) settle(() => resolve(result.laws));
      else
        settle(() => reject(new LawImportError(result.problem.status, result.problem.file, result.problem.line, result.problem.message)));
    });
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new LawImportError(
                413,
                files.map((f) => f.name).join(', '),
                null,
                '文件解析所需内存过大，请分几次导入 / these files need too much memory to parse: import them in several parts',
              )
            : error,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`law parser worker exited with code ${code}`))));
  });
}
