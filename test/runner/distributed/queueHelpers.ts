import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { CLI, QUEUE_PLUGIN, REPO_ROOT, cli, tempDir } from '../../helpers.js';
import { freshDatabase } from '../../postgres.js';
import { openStore, type RunRecord, type TrialRecord } from '../../../runner/index.js';

export interface QueueSetup {
  readonly dir: string;
  readonly queueUrl: string;
  /** --store (and --queue) arguments every command of the test passes. */
  readonly storeArgs: string[];
  /** Where the plugin's tasks log each evaluation (`trialSeed pid`). */
  readonly evalLog: string;
}

/**
 * A fresh database holding store and queue, and the evaluation log, for one test. With
 * `sqliteStore`, the store is a SQLite file beside a PostgreSQL queue (workers on one machine).
 */
export async function queueSetup(t: { after(fn: () => void | Promise<void>): void }, options: { url?: string; sqliteStore?: boolean } = {}): Promise<QueueSetup> {
  const dir = tempDir(t);
  const url = options.url ?? (await freshDatabase(t));
  const storeArgs = options.sqliteStore ? ['--store', join(dir, 'store.db'), '--queue', url] : ['--store', url];
  return { dir, queueUrl: url, storeArgs, evalLog: join(dir, 'evaluations.log') };
}

/** Every run of an experiment with its stored trials. */
export async function storedRuns(setup: QueueSetup, experiment: string): Promise<Array<RunRecord & { trials: TrialRecord[] }>> {
  const store = await openStore(setup.storeArgs[1], { readonly: true });
  try {
    const runs: Array<RunRecord & { trials: TrialRecord[] }> = [];
    for await (const { run, trials } of store.runTrials(experiment)) runs.push({ ...run, trials });
    return runs;
  } finally {
    await store.close();
  }
}

export function enqueue(setup: QueueSetup, args: string[]) {
  const result = cli(['run', '--enqueue', ...setup.storeArgs, '--plugin', QUEUE_PLUGIN, ...args]);
  if (result.status !== 0) throw new Error(`run --enqueue failed (${result.status}): ${result.stderr}${result.stdout}`);
  return result;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  log(): string;
}

/** Starts `hpoarena worker` as its own process (what a SLURM array task runs). */
export function startWorker(setup: QueueSetup, args: string[], env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [CLI, 'worker', ...setup.storeArgs, '--plugin', QUEUE_PLUGIN, ...args], {
    cwd: REPO_ROOT, env: { ...process.env, QUEUE_EVAL_LOG: setup.evalLog, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 280_000, killSignal: 'SIGKILL', // never left running by a test that hung
  });
  // A test that times out skips its after-hooks: the worker must still not outlive the test process.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  child.on('exit', () => process.off('exit', killOnExit));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, log: () => output };
}

/** Polls `condition` every 50 ms until it holds; throws after `ms`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Trial seeds evaluated more than once, from the evaluation log. */
export function evaluatedTwice(logText: string): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const line of logText.split('\n')) {
    if (!line) continue;
    const seed = line.split(' ')[0];
    if (seen.has(seed)) twice.push(line);
    seen.add(seed);
  }
  return twice;
}
