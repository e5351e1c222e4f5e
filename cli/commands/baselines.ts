import type { CommandModule } from 'yargs';
import { existsSync } from 'node:fs';
import {
  BASELINE_PORTFOLIOS, SHIPPED_BASELINES_DIR, baselineDir, compactSeeds, computeBaselines, manifestPath, parseSubsetName, readManifest,
} from '../../baselines/index.js';
import { defaultWorkerCount, openStore, parseSeeds, wholeNumber } from '../../runner/index.js';
import { listSubsets } from '../../subsets/index.js';
import { resolveDataDir, withDataDir } from '../globalOptions.js';
import { interruptOnSignals, signalExitCode, thisCommandLine } from '../interruptSignals.js';
import { formatTable } from '../output.js';

interface ComputeArgs {
  subset: string; seeds: string; optimizers?: string; store: string; workers?: string; out?: string; 'data-dir'?: string;
}

const computeCommand: CommandModule<object, ComputeArgs> = {
  command: 'compute <subset>',
  describe: "Run the default portfolio of a subset's type on it and write its baseline files (resumable: re-running keeps finished runs)",
  builder: (y) =>
    withDataDir(y)
      .positional('subset', { type: 'string', demandOption: true, describe: 'A shipped subset, e.g. subset:blackbox/dev' })
      .option('seeds', { type: 'string', default: '1-10', describe: "Seeds: '1-10', '1,3,5'" })
      .option('optimizers', { type: 'string', describe: "Only these (comma-separated; the manifest keeps the others' files). Default: the portfolio of the type" })
      .option('store', { type: 'string', default: 'results/baselines.db', describe: 'SQLite store the runs are computed in' })
      .option('workers', { type: 'string', describe: `Worker threads (default: cores = ${defaultWorkerCount()})` })
      .option('out', { type: 'string', describe: 'Root of the baseline files (default: results/baselines/ in the project)' }) as never,
  handler: async (args) => {
    const subset = parseSubsetName(args.subset);
    const seeds = parseSeeds(args.seeds);
    const optimizers = args.optimizers?.split(',').map((s) => s.trim()).filter(Boolean);
    const workers = args.workers !== undefined ? wholeNumber(args.workers, '--workers', 0) : defaultWorkerCount();
    const store = await openStore(args.store);
    const interruption = interruptOnSignals(() => undefined);
    try {
      const command = `hpoarena baselines compute ${subset.spec} --seeds ${args.seeds}${optimizers ? ` --optimizers ${optimizers.join(',')}` : ''}`;
      const { outcome, written } = await computeBaselines(store, {
        subset: subset.spec, seeds, optimizers, out: args.out, command, workers, dataDir: resolveDataDir(args['data-dir']), signal: interruption.signal,
      });
      if (interruption.received) {
        console.log(`${interruption.received}: stopped; finished runs are kept in ${args.store}. Resume with: ${thisCommandLine()}`);
        process.exitCode = signalExitCode(interruption.received);
        return;
      }
      const failed = outcome.outcomes.filter((o) => o.status === 'failed').length;
      console.log(`${subset.spec}: ${outcome.planned} runs, ${outcome.alreadyDone} already done, ${outcome.outcomes.length - failed} finished now, ${failed} failed`);
      console.log(formatTable(['optimizer', 'runs', 'trials', 'run-seconds', 'bytes', 'file'], written.map((e) => [e.label, e.runs, e.trials, e.runSeconds, e.bytes, e.file])));
    } finally {
      interruption.dispose();
      await store.close();
    }
  },
};

const listCommand: CommandModule<object, { json: boolean }> = {
  command: 'list',
  describe: "Shipped baselines per subset: optimizers, seeds, runs, hours of run time (wall-clock, summed over runs) and size",
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: 'One JSON array' }) as never,
  handler: (args) => {
    const rows = listSubsets().flatMap((name) => {
      const subset = parseSubsetName(`subset:${name}`);
      const dir = baselineDir(SHIPPED_BASELINES_DIR, subset);
      if (!existsSync(manifestPath(dir))) return [{ subset: subset.spec, optimizers: [] as string[], seeds: '', runs: 0, runHours: 0, bytes: 0, portfolio: BASELINE_PORTFOLIOS[subset.type] }];
      const manifest = readManifest(dir, subset);
      const seeds = [...new Set(manifest.optimizers.flatMap((e) => e.seeds))].sort((a, b) => a - b);
      return [{
        subset: subset.spec, optimizers: manifest.optimizers.map((e) => e.label), seeds: compactSeeds(seeds),
        runs: manifest.optimizers.reduce((n, e) => n + e.runs, 0),
        runHours: manifest.optimizers.reduce((n, e) => n + e.runSeconds, 0) / 3600,
        bytes: manifest.optimizers.reduce((n, e) => n + e.bytes, 0), portfolio: BASELINE_PORTFOLIOS[subset.type],
      }];
    });
    if (args.json) {
      console.log(JSON.stringify(rows));
      return;
    }
    console.log(formatTable(['subset', 'optimizers', 'seeds', 'runs', 'run-hours', 'MB'], rows.map((r) => [
      r.subset, r.optimizers.length ? r.optimizers.join(',') : 'none yet', r.seeds, r.runs, r.runHours.toFixed(3), (r.bytes / 1e6).toFixed(2),
    ])));
  },
};

export const baselinesCommand: CommandModule = {
  command: 'baselines <command>',
  describe: 'The baseline runs that ship with hpoarena: list them, or compute them for a subset',
  builder: (y) => y.command(listCommand).command(computeCommand).demandCommand(1, 'Give a subcommand: list, compute.'),
  handler: () => undefined,
};
