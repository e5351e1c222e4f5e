import type { CommandModule } from 'yargs';
import { SpecError, UnknownNameError } from '../../core/index.js';
import { explainMissingPlugins } from '../missingPlugins.js';
import {
  defaultWorkerCount, loadPlugins, positiveNumber, wholeNumber, openStore, planExperiment, parseOptimizerEntry, parseSeeds, readSpecFile, runExperiment, DEFAULT_STORE_PATH,
  type ExperimentSpec, type SpecFile,
} from '../../runner/index.js';
import { createProgress } from '../progress.js';
import { errorSummary } from '../output.js';
import { interruptOnSignals, signalExitCode, thisCommandLine } from '../interruptSignals.js';
import { resolveDataDir, withDataDir } from '../globalOptions.js';
import { expandTaskArguments } from '../taskArguments.js';
import { listTasks } from '../../benchmarks/index.js';
import { queueLocation } from '../queueLocation.js';
import { enqueueExperiment } from '../../runner/distributed/index.js';
import { maskCredentials } from '../../runner/store/postgres/maskCredentials.js';

interface Args {
  spec?: string; optimizers?: string[]; tasks?: string[]; seeds?: string; experiment?: string; store?: string;
  workers?: string; 'n-trials'?: string; 'time-budget'?: string; 'parallel-trials'?: string; 'trial-timeout'?: string; 'memory-limit'?: number;
  'retry-failed': boolean; 'data-dir'?: string; plugin?: string[]; verbose: boolean; replan: boolean; 'skip-unavailable': boolean;
  enqueue: boolean; queue?: string; 'max-attempts': string;
}

export const runCommand: CommandModule<object, Args> = {
  command: 'run [spec]',
  describe: 'Run optimizers x tasks x seeds into the store (re-running resumes and skips finished runs)',
  builder: (y) =>
    withDataDir(y)
      .positional('spec', { type: 'string', describe: 'YAML experiment spec; flags override its values' })
      .option('optimizers', { type: 'string', array: true, describe: "Optimizers, e.g. random tpe 'tpe:multivariate=true' (comma-separated or repeated)" })
      .option('tasks', { type: 'string', array: true, describe: "Task ids or globs, e.g. 'Pymoo/SO/*', a shipped subset (subset:blackbox/dev) or one of CARP-S's (carps:blackbox/dev)" })
      .option('skip-unavailable', { type: 'boolean', default: false, describe: 'Run the tasks of a subset that can run here and name the ones skipped (default: refuse the subset)' })
      .option('seeds', { type: 'string', describe: "Seeds: '1-10', '1,3,5' (default 1)" })
      .option('experiment', { type: 'string', describe: 'Experiment name (default: default)' })
      .option('store', { type: 'string', describe: `SQLite store file, or a postgres://user@host/db URL (default: ${DEFAULT_STORE_PATH})` })
      .option('workers', { type: 'string', describe: `Worker threads (default: cores = ${defaultWorkerCount()}); 0 runs in-process` })
      .option('n-trials', { type: 'string', describe: "Override every task's n_trials" })
      .option('time-budget', { type: 'string', describe: 'Seconds per run (wall + virtual time; simulated time with --parallel-trials > 1)' })
      .option('parallel-trials', { type: 'string', describe: 'Trials in flight per run on a simulated clock (asynchronous HPO; default 1). Needs an optimizer that handles pending trials' })
      .option('trial-timeout', { type: 'string', describe: 'Seconds per trial; slower trials end with status timeout' })
      .option('memory-limit', { type: 'number', default: 4096, describe: 'Heap limit per worker in MiB; a run above it fails' })
      .option('retry-failed', { type: 'boolean', default: false, describe: 'Also re-run runs that failed' })
      .option('replan', { type: 'boolean', default: false, describe: 'Runs stored with other settings (n_trials, options, env) start over with the given ones (their trials are discarded)' })
      .option('verbose', { type: 'boolean', default: false, describe: "Print the harness's stack trace of every failed run to stderr" })
      .option('enqueue', { type: 'boolean', default: false, describe: 'Plan the runs and queue them for `hpoarena worker` processes (PostgreSQL store) instead of running them here' })
      .option('queue', { type: 'string', describe: 'With --enqueue: PostgreSQL database of the queue (default: the store)' })
      .option('max-attempts', { type: 'string', default: '3', describe: 'With --enqueue: attempts per run before it ends failed (a worker that dies mid-run costs one)' }) as never,
  handler: async (args) => {
    const file: SpecFile = args.spec ? readSpecFile(args.spec) : {};
    const optimizers = args.optimizers ? splitList(args.optimizers).map(parseOptimizerEntry) : file.optimizers;
    const taskPatterns = args.tasks ? splitList(args.tasks) : file.tasks;
    if (!optimizers?.length) throw new SpecError('No optimizers given: use --optimizers random (see `hpoarena optimizers`) or a spec file.');
    if (!taskPatterns?.length) throw new SpecError("No tasks given: use --tasks 'Pymoo/SO/*' (see `hpoarena tasks`) or a spec file.");
    // Numbers are read here, not by yargs: its NaN would hide what the user typed.
    const workers = args.workers !== undefined ? wholeNumber(args.workers, '--workers', 0) : file.workers ?? defaultWorkerCount();
    const spec: ExperimentSpec = {
      experiment: args.experiment ?? file.experiment ?? 'default',
      optimizers,
      tasks: expandTaskArguments(taskPatterns, {
        listed: listTasks({ dataDir: resolveDataDir(args['data-dir']) }), skipUnavailable: args['skip-unavailable'], onSkip: (message) => console.error(message),
      }),
      seeds: args.seeds !== undefined ? parseSeeds(args.seeds) : file.seeds ?? [1],
      nTrials: args['n-trials'] !== undefined ? wholeNumber(args['n-trials'], '--n-trials', 1) : file.nTrials,
      timeBudget: args['time-budget'] !== undefined ? positiveNumber(args['time-budget'], '--time-budget') : file.timeBudget,
      parallelTrials: args['parallel-trials'] !== undefined ? wholeNumber(args['parallel-trials'], '--parallel-trials', 1) : file.parallelTrials,
      trialTimeout: args['trial-timeout'] !== undefined ? positiveNumber(args['trial-timeout'], '--trial-timeout') : file.trialTimeout,
    };
    const storePath = args.store ?? file.store ?? DEFAULT_STORE_PATH;
    if (args.verbose) process.env.HPOARENA_VERBOSE = '1'; // read where runs fail, in every worker thread
    // Check every name and option before the store is even opened.
    await loadPlugins(args.plugin ?? []);
    try {
      await planExperiment(spec, { dataDir: resolveDataDir(args['data-dir']) });
    } catch (error) {
      if (error instanceof UnknownNameError) await explainMissingPlugins(error, storePath, spec.experiment, args.plugin ?? []);
      throw error;
    }
    if (args.enqueue) return enqueue(storePath, spec, args);
    const store = await openStore(storePath);
    let progress: ReturnType<typeof createProgress> | undefined;
    let poll: NodeJS.Timeout | undefined;
    const interruption = interruptOnSignals(() => {
      clearInterval(poll);
      progress?.stop();
    });
    try {
      const started = Date.now();
      const outcome = await runExperiment(store, spec, {
        workers, memoryLimitMb: args['memory-limit'], dataDir: resolveDataDir(args['data-dir']),
        retryFailed: args['retry-failed'], replan: args.replan,
        plugins: args.plugin,
        signal: interruption.signal,
        onStart: (pending) => {
          progress = createProgress(pending);
          if (process.stdout.isTTY) poll = setInterval(() => void Promise.resolve(store.countTrials(spec.experiment)).then((n) => progress?.setTrials(n), () => {}), 500);
        },
        onOutcome: (o) => progress?.runDone(o.status === 'failed'),
      }).finally(() => {
        clearInterval(poll);
        progress?.stop();
      });
      const done = outcome.outcomes.filter((o) => o.status === 'done').length;
      const failed = outcome.outcomes.filter((o) => o.status === 'failed');
      const replayed = outcome.outcomes.reduce((n, o) => n + o.replayed, 0);
      if (interruption.received) {
        const interrupted = outcome.outcomes.filter((o) => o.status === 'interrupted').length;
        const notStarted = outcome.planned - outcome.alreadyDone - done - failed.length - interrupted;
        console.log(
          `${interruption.received}: stopped experiment '${spec.experiment}': ${done} runs finished, ${interrupted} interrupted` +
            `${failed.length ? `, ${failed.length} failed` : ''}, ${notStarted} not started; every stored trial is kept. Resume with: ${thisCommandLine()}`,
        );
        process.exitCode = signalExitCode(interruption.received);
        return;
      }
      console.log(
        `experiment '${spec.experiment}' in ${store.label}: ${outcome.planned} runs planned, ${outcome.alreadyDone} already done, ` +
          `${done} finished now, ${failed.length} failed${replayed ? `, ${replayed} trials replayed from an interrupted attempt` : ''} ` +
          `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      if (outcome.unsupported.length) console.log(`skipped ${outcome.unsupported.length} optimizer x task pairs whose task type the optimizer does not support`);
      for (const f of failed.slice(0, 5)) {
        const run = await store.getRun(f.runId);
        console.log(`  failed: ${run.optimizerLabel} on ${run.task} seed ${run.seed}: ${errorSummary(f.error)}`);
      }
      if (failed.length) process.exitCode = 1;
    } finally {
      interruption.dispose();
      await store.close();
    }
  },
};

/** Accepts both repeated flags and comma-separated lists (commas inside 'name:k=v,k=v' stay with their optimizer; 'external:optuna-tpe' is a name). */
function splitList(values: readonly string[]): string[] {
  return values.flatMap((v) => (/:[\w.-]+=/.test(v) ? [v] : v.split(','))).map((v) => v.trim()).filter(Boolean);
}

/** `run --enqueue`: plan into the store, queue the runs, print what workers will do. */
async function enqueue(storePath: string, spec: ExperimentSpec, args: Args): Promise<void> {
  const queue = queueLocation(storePath, args.queue, '`run --enqueue`');
  const store = await openStore(storePath);
  try {
    const outcome = await enqueueExperiment(store, queue, spec, {
      plugins: args.plugin ?? [], dataDir: resolveDataDir(args['data-dir']), retryFailed: args['retry-failed'], replan: args.replan,
      maxAttempts: wholeNumber(args['max-attempts'], '--max-attempts', 1),
    });
    console.log(
      `experiment '${spec.experiment}' in ${maskCredentials(storePath)}: ${outcome.planned} runs planned, ${outcome.alreadyDone} already done, ` +
        `${outcome.enqueued} queued now, ${outcome.alreadyQueued} already queued${outcome.failed ? `, ${outcome.failed} failed (queue them again with --retry-failed)` : ''}. ` +
        `Start workers with: hpoarena worker --store ${maskCredentials(storePath)}${args.queue ? ` --queue ${maskCredentials(args.queue)}` : ''}`,
    );
    if (outcome.unsupported.length) console.log(`skipped ${outcome.unsupported.length} optimizer x task pairs whose task type the optimizer does not support`);
  } finally {
    await store.close();
  }
}
