import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../../core/index.js';

/**
 * Opening the store's SQLite file, with the user's mistakes turned into one clear message:
 * a directory given as the store, a read-only file for a writing command, a store on a
 * read-only mount for a reading command (which must still work: shared results often live there).
 */

export function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export function isReadOnlyError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

export function readOnlyStoreError(path: string): StoreError {
  return new StoreError(
    `Store '${path}' is read-only (file or directory permissions, or a read-only mount): \`run\` needs to write it. ` +
      'Make it writable, or pass --store with another file; status, export and report can read it as it is.',
  );
}

export function openForWriting(path: string, file: string): Database.Database {
  if (existsSync(file) && !canWrite(file)) throw readOnlyStoreError(path);
  try {
    mkdirSync(dirname(file), { recursive: true });
    return new Database(file);
  } catch (error) {
    if (isReadOnlyError(error) || (error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EROFS') throw readOnlyStoreError(path);
    throw new StoreError(`Cannot open store '${path}': ${(error as Error).message}. Pass --store with a writable file path.`);
  }
}

/**
 * Opens read-only. A store in WAL mode needs its '-shm' file; in a directory nobody may write
 * (and with no '-shm' left there) SQLite cannot create it, so the store is read from a copy in
 * memory instead. No writer can be active there, so the main file holds every committed trial.
 */
export function openForReading(path: string, file: string): Database.Database {
  if (!existsSync(file)) throw new StoreError(`No store at '${path}'. Run an experiment first, or pass --store PATH.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StoreError(`Cannot open store '${path}': ${(error as Error).message}.`);
  }
  try {
    db.pragma('user_version', { simple: true });
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code ?? '';
    if (code !== 'SQLITE_READONLY_DIRECTORY' && code !== 'SQLITE_CANTOPEN' && !isReadOnlyError(error)) {
      throw new StoreError(`Cannot read store '${path}': ${(error as Error).message} (${code || 'no code'})`);
    }
    return openSnapshot(path, file);
  }
}

function openSnapshot(path: string, file: string): Database.Database {
  const bytes = readFileSync(file);
  // Header bytes 18-19 say "WAL"; an in-memory database cannot be in WAL mode, so mark it rollback-journal.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  try {
    return new Database(bytes, { readonly: true });
  } catch (error) {
    throw new StoreError(`Cannot read store '${path}': ${(error as Error).message}.`);
  }
}

function canWrite(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
