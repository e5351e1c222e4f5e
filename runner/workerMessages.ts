import type { RunOutcome } from './executeRun.js';

/** Main thread -> worker: execute one run of the store at `storePath`. */
export interface RunRequest {
  readonly kind: 'run';
  readonly storePath: string;
  readonly runId: number;
  readonly dataDir?: string;
  readonly trialTimeout?: number;
  /** Modules imported first: they register extra optimizers and task collections. */
  readonly plugins: readonly string[];
}

/** Worker -> main thread: always a reply, never a throw across threads. */
export type RunReply = { readonly kind: 'outcome'; readonly outcome: RunOutcome };
