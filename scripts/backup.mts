// `npm run backup [-- <folder>]`: a consistent copy of the SQLite database (online backup API, safe while the app
// runs) and of every stored file in DATA_DIR, into <folder> (default ./backups/pufa-<time>). On PostgreSQL
// (DATABASE_URL set) it copies the files and reminds you to pg_dump the database (README, Backups).
import path from 'node:path';
import { backup } from '../server/backup';
import { env } from '../server/env';

const e = env();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const dest = path.resolve(process.argv[2] ?? path.join('backups', `pufa-${stamp}`));
const postgres = Boolean(e.DATABASE_URL);
const manifest = await backup(e.DATA_DIR, dest, { sqlite: !postgres });
console.log(`backup written to ${dest}: ${manifest.database === 'sqlite' ? 'the database and ' : ''}${manifest.files} stored files`);
if (postgres)
  console.log('PostgreSQL: back up the database with  pg_dump --format=custom --file=pufa.dump "$DATABASE_URL"  (README, Backups)');
console.log(`restore with: npm run restore -- ${dest}   (stop the app first)`);
