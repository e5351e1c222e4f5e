import { SpecError } from '../../core/index.js';
import { maskCredentials } from '../store/postgres/maskCredentials.js';

export interface SlurmScriptOptions {
  /** The store (and queue) URL; a password in it is left out of the script (see below). */
  readonly store: string;
  /** A separate queue database (workers then share a SQLite store file: one node only). */
  readonly queue?: string;
  /** Array tasks: one worker process each. */
  readonly array: number;
  /** At most this many array tasks run at once (sbatch's %N). */
  readonly arrayLimit?: number;
  /** Worker threads per worker; default: --cpus-per-task. */
  readonly concurrency?: number;
  readonly cpusPerTask: number;
  readonly time?: string;
  readonly mem?: string;
  readonly partition?: string;
  readonly jobName?: string;
  /** The command that runs hpoarena on the compute nodes (default: this installation's). */
  readonly command: string;
  /** Where sbatch writes each task's log (%A: job id, %a: array index). */
  readonly output?: string;
  readonly exitWhenIdleSeconds: number;
  readonly leaseSeconds?: number;
  readonly extraWorkerArgs?: readonly string[];
}

export interface SlurmScript {
  readonly text: string;
  /** True when the URL held a password that the script leaves out. */
  readonly passwordRemoved: boolean;
}

/**
 * An sbatch script that starts one `hpoarena worker` per array task. The password never goes
 * into the file (it would sit in the spool directory and in `scontrol show job` for everyone):
 * sbatch passes the submitting shell's environment, so PGPASSWORD exported before `sbatch`
 * reaches the workers; ~/.pgpass on a shared home works too. Workers exit when the queue has
 * been empty for a while, so the array ends by itself; SIGTERM at the time limit hands the runs
 * back (they resume elsewhere from their trials).
 */
export function slurmScript(options: SlurmScriptOptions): SlurmScript {
  checkPositive(options.array, '--array');
  checkPositive(options.cpusPerTask, '--cpus-per-task');
  if (options.arrayLimit !== undefined) checkPositive(options.arrayLimit, '--array-limit');
  if (options.concurrency !== undefined) checkPositive(options.concurrency, '--concurrency');
  if (options.time !== undefined && !/^(\d+-)?\d+(:\d{1,2}){0,2}$/.test(options.time)) throw new SpecError(`--time '${options.time}' is not a SLURM time: use minutes, MM:SS, HH:MM:SS or D-HH:MM:SS.`);
  if (options.mem !== undefined && !/^\d+[KMGT]?$/i.test(options.mem)) throw new SpecError(`--mem '${options.mem}' is not a SLURM memory size: use e.g. 4G or 4000M.`);
  if (options.partition !== undefined && !/^[\w.,-]+$/.test(options.partition)) throw new SpecError(`--partition '${options.partition}' is not a partition name (letters, digits, '.', '-', '_', commas).`);
  const queue = options.queue !== undefined ? withoutPassword(options.queue) : undefined;
  const store = queue ? { url: options.store, passwordRemoved: false } : withoutPassword(options.store);
  const passwordRemoved = store.passwordRemoved || (queue?.passwordRemoved ?? false);
  const concurrency = options.concurrency ?? options.cpusPerTask;
  const directives = [
    `--job-name=${options.jobName ?? 'hpoarena-workers'}`,
    `--array=0-${options.array - 1}${options.arrayLimit ? `%${options.arrayLimit}` : ''}`,
    '--ntasks=1',
    `--cpus-per-task=${options.cpusPerTask}`,
    ...(options.time ? [`--time=${options.time}`] : []),
    ...(options.mem ? [`--mem=${options.mem}`] : []),
    ...(options.partition ? [`--partition=${options.partition}`] : []),
    `--output=${options.output ?? 'hpoarena-worker-%A_%a.log'}`,
    // SIGTERM 60 s before the time limit: the workers hand their runs back before SLURM kills them.
    '--signal=B:TERM@60',
  ];
  const worker = [
    options.command, 'worker', '--store', shellQuote(store.url), ...(queue ? ['--queue', shellQuote(queue.url)] : []), '--concurrency', String(concurrency),
    '--exit-when-idle', String(options.exitWhenIdleSeconds),
    ...(options.leaseSeconds !== undefined ? ['--lease', String(options.leaseSeconds)] : []),
    ...(options.extraWorkerArgs ?? []).map(shellQuote),
  ].join(' ');
  const text = [
    '#!/bin/bash',
    ...directives.map((d) => `#SBATCH ${d}`),
    '#',
    '# hpoarena workers: each array task takes runs from the queue until it has been empty for',
    `# ${options.exitWhenIdleSeconds} s. Submit with: sbatch THIS_FILE`,
    ...(passwordRemoved ? ['# The store password is not in this file: export PGPASSWORD before sbatch (its environment reaches', '# the workers) or put it in ~/.pgpass on a home directory the compute nodes share.'] : []),
    'set -euo pipefail',
    '# srun runs the worker as a job step; bash waits on it in the background so SIGTERM reaches it.',
    `srun --ntasks=1 --cpus-per-task=${options.cpusPerTask} ${worker} &`,
    'worker=$!',
    'stopping=0',
    "trap 'stopping=1; kill -TERM $worker 2>/dev/null' TERM",
    'status=0',
    'wait $worker || status=$?',
    '# Signalled: the first wait returned early; wait for the worker to hand its runs back and exit.',
    'if [ $stopping = 1 ]; then status=0; wait $worker || status=$?; fi',
    'exit $status',
    '',
  ].join('\n');
  return { text, passwordRemoved };
}

/** The URL without its password (node-postgres then reads PGPASSWORD or ~/.pgpass). */
export function withoutPassword(url: string): { url: string; passwordRemoved: boolean } {
  const notPostgres = () => new SpecError(`\`hpoarena slurm\` needs a PostgreSQL store (workers on many machines share it), got '${maskCredentials(url)}': use --store postgres://USER@HOST:PORT/DATABASE.`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw notPostgres();
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw notPostgres();
  if (!parsed.password) return { url, passwordRemoved: false };
  parsed.password = '';
  return { url: parsed.toString(), passwordRemoved: true };
}

function checkPositive(value: number, flag: string): void {
  if (!(Number.isInteger(value) && value > 0)) throw new SpecError(`${flag} must be a positive integer, got ${value}.`);
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
