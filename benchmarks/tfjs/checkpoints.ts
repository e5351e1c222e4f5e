/**
 * Bounded in-memory cache of training checkpoints (parameters, optimizer slots, step count, time
 * spent) keyed by (dataset, seed, configuration) and epochs. When a configuration is promoted to
 * more epochs, training resumes from the latest checkpoint at or below the new epoch count.
 * One cache per process (worker thread or trainer child process); least recently used keys are
 * dropped once the cache holds more than its byte limit (default 256 MiB, HPOARENA_TFJS_CHECKPOINT_MB;
 * 0 turns reuse off). A dropped checkpoint only costs time: training then starts over.
 */
export interface Checkpoint {
  readonly epochs: number;
  readonly params: readonly Float32Array[];
  /** Shape of each parameter (its slots have the same). */
  readonly shapes: readonly (readonly number[])[];
  readonly slots: readonly (readonly Float32Array[])[];
  /** Optimizer steps taken so far. */
  readonly step: number;
  /** Training seconds spent to reach this checkpoint (the time objective counts them too). */
  readonly trainSeconds: number;
}

export const CHECKPOINT_ENV = 'HPOARENA_TFJS_CHECKPOINT_MB';
const DEFAULT_LIMIT_MB = 256;

function bytesOf(checkpoint: Checkpoint): number {
  let bytes = 0;
  for (const p of checkpoint.params) bytes += p.byteLength;
  for (const s of checkpoint.slots) for (const t of s) bytes += t.byteLength;
  return bytes;
}

export class CheckpointCache {
  private readonly entries = new Map<string, Checkpoint[]>();
  private bytes = 0;

  constructor(readonly limitBytes: number) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): CheckpointCache {
    const mb = env[CHECKPOINT_ENV] === undefined || env[CHECKPOINT_ENV] === '' ? DEFAULT_LIMIT_MB : Number(env[CHECKPOINT_ENV]);
    return new CheckpointCache(Number.isFinite(mb) && mb >= 0 ? mb * 1024 * 1024 : DEFAULT_LIMIT_MB * 1024 * 1024);
  }

  get size(): number {
    return this.bytes;
  }

  /** The checkpoint with the most epochs not above `epochs`, if any (marks the key recently used). */
  latest(key: string, epochs: number): Checkpoint | undefined {
    const list = this.entries.get(key);
    if (!list) return undefined;
    this.entries.delete(key);
    this.entries.set(key, list);
    let best: Checkpoint | undefined;
    for (const c of list) if (c.epochs <= epochs && (!best || c.epochs > best.epochs)) best = c;
    return best;
  }

  put(key: string, checkpoint: Checkpoint): void {
    const size = bytesOf(checkpoint);
    if (size > this.limitBytes) return;
    const list = (this.entries.get(key) ?? []).filter((c) => {
      if (c.epochs !== checkpoint.epochs) return true;
      this.bytes -= bytesOf(c);
      return false;
    });
    list.push(checkpoint);
    this.entries.delete(key);
    this.entries.set(key, list);
    this.bytes += size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.limitBytes) break;
      if (oldest === key) continue;
      for (const c of old) this.bytes -= bytesOf(c);
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
