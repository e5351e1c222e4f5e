import type { CommandModule } from 'yargs';
import { UnknownNameError } from '../../core/index.js';
import { openStore } from '../../runner/index.js';
import { errorSummary, formatTable } from '../output.js';
import { withStore } from '../globalOptions.js';
import { queueJson, queueStatusOf, queueText } from '../queueStatusText.js';
import { workerClaims } from '../workerClaims.js';

interface Args { experiment: string; store: string; queue?: string; json: boolean }

export const statusCommand: CommandModule<object, Args> = {
  command: 'status <experiment>',
  describe: 'Runs of an experiment by status, with trial counts and failures',
  builder: (y) =>
    withStore(y)
      .positional('experiment', { type: 'string', demandOption: true })
      .option('queue', { type: 'string', describe: 'PostgreSQL database of the queue, beside a SQLite --store (default: a PostgreSQL store\'s own)' })
      .option('json', { type: 'boolean', default: false }) as never,
  handler: async (args) => {
    const store = await openStore(args.store, { readonly: true });
    try {
      if (!(await store.getExperiment(args.experiment))) {
        throw new UnknownNameError(`experiment (store '${store.label}')`, args.experiment, (await store.listExperiments()).map((e) => e.name));
      }
      const runs = await store.listRuns(args.experiment);
      const trials = await store.countTrials(args.experiment);
      const unfinished = runs.filter((r) => r.status === 'running' || r.status === 'interrupted');
      const pendingImport = await store.countUnstoredTrials(unfinished.map((r) => r.id));
      const byOptimizer = new Map<string, Record<string, number>>();
      for (const run of runs) {
        const counts = byOptimizer.get(run.optimizerLabel) ?? { pending: 0, running: 0, interrupted: 0, done: 0, failed: 0 };
        counts[run.status]++;
        byOptimizer.set(run.optimizerLabel, counts);
      }
      const failed = runs.filter((r) => r.status === 'failed');
      // Worker processes of the queue (`hpoarena worker`), with their heartbeats, when runs go through one.
      const queue = await queueStatusOf(args);
      // Stores shared between machines say who holds the running runs (shown when no queue lists its workers).
      const workers = store.leases ? workerClaims(await store.leases(args.experiment)) : undefined;
      if (args.json) {
        console.log(JSON.stringify({ experiment: args.experiment, runs: runs.length, trials, trialsPendingImport: pendingImport, optimizers: Object.fromEntries(byOptimizer), failed: failed.map((r) => ({ optimizer: r.optimizerLabel, task: r.task, seed: r.seed, error: r.error })), ...(workers ? { workers } : {}), ...(queue ? queueJson(queue) : {}) }));
        return;
      }
      const journaled = pendingImport ? `, ${pendingImport} more in the journals of unfinished runs (stored when the experiment runs again)` : '';
      console.log(`experiment '${args.experiment}': ${runs.length} runs, ${trials} trials stored${journaled}\n`);
      console.log(formatTable(['optimizer', 'pending', 'running', 'interrupted', 'done', 'failed'], [...byOptimizer].map(([label, c]) => [label, c.pending, c.running, c.interrupted, c.done, c.failed])));
      if (queue) console.log(`\n${queueText(queue)}`);
      else if (workers?.length) {
        console.log(`\n${formatTable(['worker', 'running runs', 'last heartbeat', 'lease'], workers.map((w) => [w.worker, w.runs, w.lastHeartbeatS === null ? '-' : `${w.lastHeartbeatS.toFixed(0)} s ago`, w.expired ? 'expired (worker gone?)' : 'alive']))}`);
      }
      if (unfinished.length && !queue) console.log("\n'interrupted' runs, and 'running' runs whose process is gone, resume from their trials when the experiment is run again.");
      for (const run of failed.slice(0, 20)) console.log(`\nfailed: ${run.optimizerLabel} on ${run.task} seed ${run.seed}\n  ${errorSummary(run.error)}`);
      if (failed.length > 20) console.log(`... and ${failed.length - 20} more failed runs (use --json)`);
    } finally {
      await store.close();
    }
  },
};
