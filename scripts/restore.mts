// `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` back into DATA_DIR. Stop the app
// first. The database in place is kept aside as pufa.sqlite.before-restore-<time>.
import path from 'node:path';
import { restore } from '../server/backup';
import { env } from '../server/env';

const from = process.argv[2];
if (!from) {
  console.error('usage: npm run restore -- <backup folder>');
  process.exit(2);
}
const e = env();
const manifest = restore(path.resolve(from), e.DATA_DIR);
console.log(
  `restored the backup of ${manifest.createdAt} into ${e.DATA_DIR} (${manifest.files} stored files${manifest.database === 'sqlite' ? ' and the database' : ''})`,
);
if (manifest.database !== 'sqlite')
  console.log('PostgreSQL: restore the database with  pg_restore --clean --if-exists -d "$DATABASE_URL" pufa.dump');
