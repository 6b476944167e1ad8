// The worker thread that parses uploaded law files, so a large or hostile file never blocks the server's request
// loop. No `server-only` import here: this module is a worker entry, never imported by a page or a route.
import { parentPort, workerData } from 'node:worker_threads';
import { parseLawFiles } from '@/lib/laws/parse-files';

const { files } = workerData as { files: { name: string; bytes: Uint8Array }[] };
const result = parseLawFiles(files, (name, done) => parentPort?.postMessage({ type: 'file', name, done }));
parentPort?.postMessage({ type: 'result', result });
