import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SqliteStore } from './sqliteStore.js';
import type { TrialRecord } from './types.js';
import type { TrialWriter } from './store.js';
import { parseTrial, serializeTrial, type TrialBatch } from './trialCodec.js';

/**
 * Makes each trial durable with one append to a per-run journal file, and moves trials
 * into SQLite in batches (one `trial_batches` row each, built from the journal's lines). Why:
 * a committed SQLite transaction per trial costs ~18 us (locks, WAL frames), most of the
 * harness budget; one write() costs ~2 us and survives a kill -9 of the process just as a WAL
 * commit with synchronous=NORMAL does. A journal left by a dead process is imported on the
 * run's next start (trials at or below the run's last stored index are skipped, so nothing is
 * stored twice; a torn last line is dropped).
 */
export class TrialJournal implements TrialWriter {
  /** Opened on the first append: a run that adds no trial (a finished resume) touches no file. */
  private fd: number | undefined;
  /** Journaled trials not yet in SQLite: consecutive indices from pendingFirst, as written. */
  private pending: string[] = [];
  private pendingFirst = 0;
  private lastFlush = performance.now();

  private constructor(private readonly store: SqliteStore, private readonly runId: number, private readonly file: string, private readonly batchSize: number, private readonly maxDelayMs: number, readonly recovered: number) {}

  /** Imports what a dead process left in the run's journal first (`recovered` trials), then opens it. */
  static open(store: SqliteStore, runId: number, batchSize = 256, maxDelayMs = 250): TrialJournal {
    const recovered = recoverJournal(store, runId);
    return new TrialJournal(store, runId, journalFile(store, runId), batchSize, maxDelayMs, recovered);
  }

  append(trial: TrialRecord): void {
    if (trial.runId !== this.runId) throw new Error(`Trial of run ${trial.runId} appended to the journal of run ${this.runId}.`);
    if (this.fd === undefined) this.fd = openCreatingDir(this.file);
    const line = serializeTrial(trial);
    writeSync(this.fd, `${line}\n`);
    if (this.pending.length > 0 && trial.index !== this.pendingFirst + this.pending.length) this.flush();
    if (this.pending.length === 0) this.pendingFirst = trial.index;
    this.pending.push(line);
    if (this.pending.length >= this.batchSize || performance.now() - this.lastFlush > this.maxDelayMs) this.flush();
  }

  /** Drops the run's trials from `index` on: what is journaled goes to SQLite first, then the tail is deleted there. */
  discardFrom(index: number): void {
    this.flush();
    this.store.deleteTrialsFrom(this.runId, index);
  }

  /** Moves journaled trials into SQLite. The journal keeps growing until close: re-importing it is harmless. */
  flush(): void {
    this.store.appendBatches(this.takePending());
  }

  /** Trials not yet in SQLite, for a caller that stores them in its own transaction (finishRun). */
  takePending(): TrialBatch[] {
    const batches = this.pending.length > 0 ? [{ runId: this.runId, firstIndex: this.pendingFirst, lines: this.pending }] : [];
    this.pending = [];
    this.lastFlush = performance.now();
    return batches;
  }

  close(): void {
    this.flush();
    if (this.fd === undefined) return;
    closeSync(this.fd);
    unlinkSync(this.file);
  }
}

/** Journal folders this process has created: one mkdir per store, not one per run. */
const createdDirs = new Set<string>();

function openCreatingDir(file: string): number {
  const dir = dirname(file);
  if (!createdDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    createdDirs.add(dir);
  }
  try {
    return openSync(file, 'a');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // The folder was removed under us (e.g. a test's temp store): create it again.
    mkdirSync(dir, { recursive: true });
    return openSync(file, 'a');
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0; // the usual case: one syscall
    throw error;
  }
  const trials: TrialRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      trials.push(parseTrial(line));
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

/**
 * Trials that journals hold beyond what SQLite has, per run (a process killed mid-run leaves
 * them; the run's next start imports them). For `status`, which must not write: only reads.
 */
export function journaledTrials(store: SqliteStore, runIds: readonly number[]): number {
  let total = 0;
  for (const runId of runIds) {
    let text: string;
    try {
      text = readFileSync(journalFile(store, runId), 'utf8');
    } catch {
      continue; // no journal: every trial of the run is in SQLite
    }
    const stored = store.trials(runId).length;
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        if (parseTrial(line).index >= stored) total++;
      } catch {
        break; // a torn last line
      }
    }
  }
  return total;
}

/** Deletes a run's journal without importing it (the run is planned anew). */
export function discardJournal(store: SqliteStore, runId: number): void {
  rmSync(journalFile(store, runId), { force: true });
}
