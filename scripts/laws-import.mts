// Imports official law texts (.md, .txt, .docx) from files or folders into the app's database, all or nothing.
// Run with: npm run laws:import -- <file or folder>… [--category 社会法]
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { LAW_CATEGORIES, type LawCategory } from '../lib/laws/types';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { env } from '../server/env';
import { categoryFromName } from '../server/laws/categories';
import { readLawFiles } from '../server/laws/files';
import { DEFAULT_CATEGORY_INDEX, importLaws } from '../server/laws/import';
import { LawImportError } from '../server/laws/law-file';

const args = process.argv.slice(2);
const at = args.indexOf('--category');
let category: LawCategory | undefined;
if (at >= 0) {
  category = categoryFromName(args[at + 1] ?? '');
  if (!category) {
    console.error(`--category must be one of: ${LAW_CATEGORIES.join(', ')} (or 宪法, 民法典, 行政法, 社会法 …)`);
    process.exit(2);
  }
  args.splice(at, 2);
}
if (args.length === 0) {
  console.error('usage: npm run laws:import -- <file or folder>… [--category 社会法]');
  process.exit(2);
}

const files = readLawFiles(args);
// LawRefBook's index next to the files gives their categories; else the one in ../shared/laws, if any.
const indexFile =
  args.map((a) => path.join(statSync(a).isDirectory() ? a : path.dirname(a), 'lawrefbook-index.sqlite3')).find((f) => existsSync(f)) ??
  DEFAULT_CATEGORY_INDEX;
const e = env();
const handle = openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
try {
  await migrate(handle);
  const result = await importLaws(handle, files, {
    category,
    categoryIndexFile: indexFile,
    onProgress: (p) =>
      console.log(p.stage === 'parse' ? `  parsed ${p.done}/${p.total} ${p.file}` : `  stored ${p.done}/${p.total} 《${p.law}》`),
  });
  for (const law of result.laws)
    console.log(
      `${law.status.padEnd(10)} 《${law.shortTitle}》 v${law.version} ${law.versionDate ?? ''} ${law.articles} articles (${law.category})`,
    );
  if (result.brokenCitations.length > 0) {
    console.warn(`\n${result.brokenCitations.length} citation(s) in the content no longer resolve:`);
    for (const c of result.brokenCitations) console.warn(`  ${c.source} ${c.id}: ${c.law}:${c.article}`);
  }
} catch (error) {
  if (!(error instanceof LawImportError)) throw error;
  console.error(`nothing imported: ${error.message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
