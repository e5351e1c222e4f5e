import type { CommandModule } from 'yargs';
import { reproduceBaselines, type ReproduceResult } from '../../baselines/index.js';
import { defaultWorkerCount, parseSeeds, wholeNumber } from '../../runner/index.js';
import { resolveDataDir, withDataDir } from '../globalOptions.js';
import { formatTable } from '../output.js';

interface Args {
  subset: string; optimizers?: string; seeds?: string; sample?: string; 'sample-seed': number; workers?: string; json: boolean; 'data-dir'?: string; 'baselines-dir'?: string;
}

export const reproduceCommand: CommandModule<object, Args> = {
  command: 'reproduce <subset>',
  describe: "Re-run shipped baseline runs of a subset and compare them trial by trial with the shipped ones (exit code 1 if any differs)",
  builder: (y) =>
    withDataDir(y)
      .positional('subset', { type: 'string', demandOption: true, describe: 'A shipped subset, e.g. subset:blackbox/dev' })
      .option('optimizers', { type: 'string', describe: 'Only these baseline optimizers (comma-separated)' })
      .option('seeds', { type: 'string', describe: "Only these seeds: '1-3', '1,5'" })
      .option('sample', { type: 'string', describe: 'Re-run a random sample of N runs (default: all)' })
      .option('sample-seed', { type: 'number', default: 0, describe: 'Seed of the sample' })
      .option('workers', { type: 'string', describe: `Worker threads (default: cores = ${defaultWorkerCount()})` })
      .option('baselines-dir', { type: 'string', describe: 'Root of the baseline files (default: the shipped results/baselines/)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' }) as never,
  handler: async (args) => {
    const result = await reproduceBaselines(args.subset, {
      optimizers: args.optimizers?.split(',').map((s) => s.trim()).filter(Boolean),
      seeds: args.seeds !== undefined ? parseSeeds(args.seeds) : undefined,
      sample: args.sample !== undefined ? wholeNumber(args.sample, '--sample', 1) : undefined,
      sampleSeed: args['sample-seed'], dir: args['baselines-dir'],
      workers: args.workers !== undefined ? wholeNumber(args.workers, '--workers', 0) : defaultWorkerCount(),
      dataDir: resolveDataDir(args['data-dir']),
    });
    const differing = result.verdicts.filter((v) => v.difference);
    if (args.json) console.log(JSON.stringify(jsonResult(result)));
    else printCertificate(result);
    if (differing.length > 0) process.exitCode = 1;
  },
};

function printCertificate(result: ReproduceResult): void {
  const differing = result.verdicts.filter((v) => v.difference);
  const trials = result.verdicts.reduce((n, v) => n + v.run.trials.length, 0);
  console.log(`Reproduction certificate for ${result.subset}: ${result.verdicts.length} of its ${result.available} shipped runs re-run (${trials} trials, ${result.seconds.toFixed(1)} s)`);
  console.log(`  identical, trial for trial: ${result.verdicts.length - differing.length}`);
  console.log(`  differ: ${differing.length}`);
  if (differing.length) {
    console.log('');
    console.log(formatTable(['optimizer', 'task', 'seed', 'first differing trial', 'field', 'shipped', 're-run'], differing.map(({ run, difference: d }) => [
      run.optimizerLabel, run.task, run.seed, d!.trial, d!.field, clip(d!.shipped), clip(d!.rerun),
    ])));
  }
  console.log('');
  console.log(`Mean ranks over the ${result.available} shipped runs of the selection; the re-run column has the ${result.verdicts.length} re-run runs in place of their records:`);
  console.log(formatTable(['optimizer', 'mean rank (shipped)', 'mean rank (re-run)'], result.ranks.map((r) => [r.optimizer, fixed(r.shipped), fixed(r.rerun)])));
}

function jsonResult(result: ReproduceResult) {
  return {
    subset: result.subset, available: result.available, rerun: result.verdicts.length, seconds: result.seconds,
    identical: result.verdicts.filter((v) => !v.difference).length,
    differ: result.verdicts.filter((v) => v.difference).map(({ run, difference }) => ({ optimizer: run.optimizerLabel, task: run.task, seed: run.seed, ...difference })),
    ranks: result.ranks,
  };
}

function fixed(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '-';
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
