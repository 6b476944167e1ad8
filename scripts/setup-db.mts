// Migrates the database, loads the shipped content, imports the official law texts in ../shared/laws (or LAWS_DIR)
// when present, seeds the demo township (adds only what is missing).
// Run with: tsx --conditions=react-server scripts/setup-db.mts [--no-demo] [--no-laws]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { loadShippedContent } from '../server/content';
import { loadShippedQuestions } from '../server/quiz/bank';
import { readLawFiles } from '../server/laws/files';
import { importLaws } from '../server/laws/import';
import { seedDemo } from '../server/seed';
import { seedActivityThemes } from '../server/activity/themes';
import { env } from '../server/env';

const e = env();
const handle = openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
try {
  const applied = await migrate(handle);
  console.log(`migrations: ${applied.length ? applied.join(', ') : 'up to date'} (${handle.kind})`);
  const content = await loadShippedContent(handle, path.resolve('content'));
  console.log(`content: ${content.modules} modules, ${content.lessons} lessons, ${content.changed} new or changed`);
  const questions = await loadShippedQuestions(handle, path.resolve('content'));
  console.log(`questions: ${questions.questions} in the bank, ${questions.changed} new or changed`);
  console.log(`activity themes: ${await seedActivityThemes(handle)} added`);
  const lawsDir = process.env.LAWS_DIR || path.resolve('..', 'shared', 'laws');
  if (!process.argv.includes('--no-laws') && existsSync(lawsDir)) {
    const result = await importLaws(handle, readLawFiles([lawsDir]), { categoryIndexFile: path.join(lawsDir, 'lawrefbook-index.sqlite3') });
    const stored = result.laws.filter((l) => l.status !== 'unchanged').length;
    console.log(`laws: ${result.laws.length} from ${lawsDir}, ${stored} new or changed`);
    for (const c of result.brokenCitations) console.warn(`  citation no longer resolves: ${c.source} ${c.id} → ${c.law}:${c.article}`);
  } else if (!process.argv.includes('--no-laws')) {
    console.log(`laws: ${lawsDir} not found; import official texts with npm run laws:import -- <file or folder> (see README)`);
  }
  if (!process.argv.includes('--no-demo')) {
    await seedDemo(handle, e.DEMO_PASSWORD);
    console.log('demo township: ready');
  }
} finally {
  await handle.close();
}
