// Migrates the database, loads the shipped content, seeds the demo township (adds only what is missing).
// Run with: tsx --conditions=react-server scripts/setup-db.ts [--no-demo]
import path from 'node:path';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { loadShippedContent } from '../server/content';
import { seedDemo } from '../server/seed';
import { env } from '../server/env';

const e = env();
const handle = openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
try {
  const applied = await migrate(handle);
  console.log(`migrations: ${applied.length ? applied.join(', ') : 'up to date'} (${handle.kind})`);
  const content = await loadShippedContent(handle, path.resolve('content'));
  console.log(`content: ${content.modules} modules, ${content.lessons} lessons, ${content.changed} new or changed`);
  if (!process.argv.includes('--no-demo')) {
    await seedDemo(handle, e.DEMO_PASSWORD);
    console.log('demo township: ready');
  }
} finally {
  await handle.close();
}
