import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SqliteStore } from './sqliteStore.js';
import type { TrialRecord } from './types.js';

/**
 * Makes each trial durable with one append to a per-run journal file, and moves trials
 * into SQLite in batched transactions. Why: a committed SQLite transaction per trial costs
 * ~18 us (locks, WAL frames), most of the harness budget; one write() costs ~2 us and
 * survives a kill -9 of the process just as a WAL commit with synchronous=NORMAL does.
 * A journal left by a dead process is imported on the run's next start (INSERT OR IGNORE,
 * so trials already imported are not duplicated; a torn last line is dropped).
 */
export class TrialJournal {
  private readonly fd: number;
  private pending: TrialRecord[] = [];
  private lastFlush = performance.now();

  private constructor(private readonly store: SqliteStore, private readonly file: string, private readonly batchSize: number, private readonly maxDelayMs: number) {
    this.fd = openSync(file, 'a');
  }

  static open(store: SqliteStore, runId: number, batchSize = 256, maxDelayMs = 250): TrialJournal {
    recoverJournal(store, runId);
    const dir = journalDir(store);
    mkdirSync(dir, { recursive: true });
    return new TrialJournal(store, journalFile(store, runId), batchSize, maxDelayMs);
  }

  append(trial: TrialRecord): void {
    writeSync(this.fd, `${JSON.stringify(trial)}\n`);
    this.pending.push(trial);
    if (this.pending.length >= this.batchSize || performance.now() - this.lastFlush > this.maxDelayMs) this.flush();
  }

  /** Moves journaled trials into SQLite. The journal keeps growing until close: re-importing it is harmless. */
  flush(): void {
    const trials = this.takePending();
    if (trials.length > 0) this.store.appendTrials(trials);
  }

  /** Trials not yet in SQLite, for a caller that stores them in its own transaction (finishRun). */
  takePending(): TrialRecord[] {
    const trials = this.pending;
    this.pending = [];
    this.lastFlush = performance.now();
    return trials;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    rmSync(this.file, { force: true });
  }
}

/** Beside the store file. Not '<db>-journal': SQLite reads that name as its own rollback journal. */
export function journalDir(store: SqliteStore): string {
  return `${resolve(store.path)}.trial-journal`;
}

function journalFile(store: SqliteStore, runId: number): string {
  return join(journalDir(store), `run-${runId}.jsonl`);
}

/** Imports what a dead process left in a run's journal; returns how many trials it held. */
export function recoverJournal(store: SqliteStore, runId: number): number {
  const file = journalFile(store, runId);
  if (!existsSync(file)) return 0;
  const trials: TrialRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      trials.push(JSON.parse(line) as TrialRecord);
    } catch {
      break; // a line torn by the crash: everything after it is incomplete too
    }
  }
  if (trials.length) store.appendTrials(trials);
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(file, { force: true });
  return trials.length;
}
