import BetterSqlite3 from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Backups of a SQLite installation while the app runs: the database through SQLite's online backup API (a
 * consistent copy even while pushes commit; better-sqlite3's `backup`), and every other file in DATA_DIR (stored
 * uploads, the auth secret) copied beside it. PostgreSQL installations back up the database with pg_dump (README)
 * and the files folder with this.
 */
export const DB_FILE = 'pufa.sqlite';
const SQLITE_FILES = new Set([DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`]);

export interface BackupManifest {
  createdAt: string;
  database: 'sqlite' | 'none';
  files: number;
}

function copyFiles(from: string, to: string): number {
  let count = 0;
  if (!existsSync(from)) return count;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (SQLITE_FILES.has(entry.name) || entry.name.startsWith(`${DB_FILE}.before-restore`)) continue;
    const source = path.join(from, entry.name);
    cpSync(source, path.join(to, entry.name), { recursive: true });
    count += entry.isDirectory() ? countFiles(source) : 1;
  }
  return count;
}

function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

/** Writes `<dest>/pufa.sqlite` (unless `sqlite` is false), `<dest>/files/…` and `<dest>/manifest.json`. */
export async function backup(dataDir: string, dest: string, opts: { sqlite: boolean } = { sqlite: true }): Promise<BackupManifest> {
  if (existsSync(dest) && readdirSync(dest).length) throw new Error(`${dest} is not empty; choose a new folder`);
  mkdirSync(dest, { recursive: true });
  if (opts.sqlite) {
    const source = path.join(dataDir, DB_FILE);
    if (!existsSync(source)) throw new Error(`no database at ${source}`);
    const db = new BetterSqlite3(source, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      await db.backup(path.join(dest, DB_FILE));
    } finally {
      db.close();
    }
  }
  const files = copyFiles(dataDir, path.join(dest, 'files'));
  const manifest: BackupManifest = { createdAt: new Date().toISOString(), database: opts.sqlite ? 'sqlite' : 'none', files };
  writeFileSync(path.join(dest, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * Puts a backup back into DATA_DIR. The app must be stopped. The database in place is kept aside as
 * `pufa.sqlite.before-restore-<time>`, so a restore can itself be undone.
 */
export function restore(backupDir: string, dataDir: string): BackupManifest {
  const manifestFile = path.join(backupDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${backupDir} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  mkdirSync(dataDir, { recursive: true });
  if (manifest.database === 'sqlite') {
    const target = path.join(dataDir, DB_FILE);
    if (existsSync(target)) renameSync(target, `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    cpSync(path.join(backupDir, DB_FILE), target);
  }
  const files = path.join(backupDir, 'files');
  if (existsSync(files)) cpSync(files, dataDir, { recursive: true });
  return manifest;
}
