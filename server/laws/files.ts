import 'server-only';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LAW_FILE_EXTENSIONS, type LawFile } from './law-file';

/** Law files named on the command line: files as given, folders walked for .md/.txt/.docx (READMEs skipped). */
export function readLawFiles(paths: string[]): LawFile[] {
  const found: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p).sort()) if (!entry.startsWith('.')) walk(path.join(p, entry), false);
      return;
    }
    const name = path.basename(p).toLowerCase();
    const isLaw = LAW_FILE_EXTENSIONS.some((ext) => name.endsWith(ext)) && !/^readme\./.test(name);
    if (explicit || isLaw) found.push(p);
  };
  for (const p of paths) walk(p, true);
  return found.map((file) => ({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) }));
}
