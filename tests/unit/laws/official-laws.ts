// Loads the official law texts in ../shared/laws (Node only; shared by tests and scripts/bench-search.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeLawParts } from '../../../lib/laws/merge';
import { parseLawText, type ParsedLaw } from '../../../lib/laws/parse';

export const LAWS_DIR = path.resolve(process.cwd(), '../shared/laws');
export const LAWS_MISSING_MESSAGE = 'skipping: ../shared/laws not found — official law texts are read from there';

export function lawsAvailable(): boolean {
  return existsSync(LAWS_DIR);
}

export function lawFileNames(): string[] {
  return readdirSync(LAWS_DIR)
    .filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md')
    .sort();
}

export function readLawFile(fileName: string): string {
  return readFileSync(path.join(LAWS_DIR, fileName), 'utf8');
}

/** Every file parsed on its own (民法典 as 8 parts). */
export function loadLawFiles(): { fileName: string; law: ParsedLaw }[] {
  return lawFileNames().map((fileName) => ({ fileName, law: parseLawText(readLawFile(fileName), { fileName }) }));
}

/** One entry per law, the 民法典 parts merged. */
export function loadOfficialLaws(): ParsedLaw[] {
  return mergeLawParts(loadLawFiles().map((f) => f.law));
}
