import type { CommandModule } from 'yargs';
import { SpecError } from '../../core/index.js';
import { DEFAULT_STORE_PATH } from '../../runner/store/index.js';
import {
  computeSubsets,
  DISCREPANCY_METHODS,
  readPointsCsv,
  SET_MODES,
  SHIPPED_SUBSETS_DIR,
  START_RULES,
  starDiscrepancy,
  type SetMode,
  type StartRule,
} from '../../subsets/index.js';
import { formatTable } from '../output.js';

interface DiscrepancyArgs {
  file: string;
  method: string;
  json: boolean;
  iterations: number;
  trials: number;
  seed: number;
}

const discrepancyCommand: CommandModule<object, DiscrepancyArgs> = {
  command: 'discrepancy <file>',
  describe: 'L-infinity star discrepancy of the points in a CSV file (one point a row, values in [0,1])',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'CSV file: numeric columns, optional header' })
      .option('method', { type: 'string', choices: DISCREPANCY_METHODS, default: 'exact', describe: "'exact' (DEM algorithm, O(n^(1+d/2))) or 'ta' (threshold accepting: a lower bound, for large d)" })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON line' })
      .option('iterations', { type: 'number', default: 100_000, describe: "Iterations per trial (method 'ta')" })
      .option('trials', { type: 'number', default: 2, describe: "Independent trials (method 'ta')" })
      .option('seed', { type: 'number', default: 0, describe: "Seed (method 'ta')" }) as never,
  handler: (args) => {
    const points = readPointsCsv(args.file);
    const report = starDiscrepancy(points, { method: args.method, iterations: args.iterations, trials: args.trials, seed: args.seed });
    if (args.json) {
      console.log(JSON.stringify({ discrepancy: report.value, n: points.n, d: points.d, method: report.method, ...(report.lowerBound ? { bound: 'lower' } : {}) }));
    } else if (report.lowerBound) {
      console.log(`${report.value} (lower bound by threshold accepting; n=${points.n}, d=${points.d})`);
    } else {
      console.log(`${report.value}`);
    }
  },
};

interface ComputeArgs {
  from: string;
  store: string;
  type: string;
  k: number;
  sets: string;
  mode: string;
  tries: number;
  seed: number;
  start: string;
  optimizers?: string;
  out: string;
  json: boolean;
}

const computeCommand: CommandModule<object, ComputeArgs> = {
  command: 'compute',
  describe: 'Pick disjoint task subsets (e.g. dev, test) with the lowest star discrepancy from an experiment of reference optimizers',
  builder: (y) =>
    y
      .option('from', { type: 'string', demandOption: true, describe: 'Experiment holding runs of the reference optimizers' })
      .option('store', { type: 'string', default: DEFAULT_STORE_PATH, describe: 'SQLite store file, or a postgres:// URL' })
      .option('type', { type: 'string', default: 'blackbox', describe: 'Task type: blackbox, multi-fidelity, multi-objective, multi-fidelity-multi-objective' })
      .option('k', { type: 'number', default: 20, describe: 'Tasks per set' })
      .option('sets', { type: 'string', default: 'dev,test', describe: 'Names of the disjoint sets, comma-separated' })
      .option('mode', { type: 'string', choices: SET_MODES, default: 'sequential', describe: "'sequential': pick k, remove, pick k again; 'split': pick k per set at once, then split" })
      .option('tries', { type: 'number', default: 100, describe: 'Restarts of the shift heuristic per set' })
      .option('seed', { type: 'number', default: 0 })
      .option('start', { type: 'string', choices: START_RULES, default: 'greedy', describe: 'First subset of each try' })
      .option('optimizers', { type: 'string', describe: 'Reference optimizers (run labels), comma-separated (default per type, e.g. gp,random,cmaes)' })
      .option('out', { type: 'string', default: SHIPPED_SUBSETS_DIR, defaultDescription: 'subsets/data/ in the project', describe: 'Output root: files go to <out>/<type>/<set>.json' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON line' }) as never,
  handler: async (args) => {
    const result = await computeSubsets({
      experiment: args.from,
      storePath: args.store,
      type: args.type,
      k: args.k,
      sets: splitList(args.sets, '--sets'),
      mode: args.mode as SetMode,
      tries: args.tries,
      seed: args.seed,
      start: args.start as StartRule,
      optimizers: args.optimizers === undefined ? undefined : splitList(args.optimizers, '--optimizers'),
      outDir: args.out,
    });
    const { embedding } = result;
    if (args.json) {
      console.log(JSON.stringify({
        type: embedding.type,
        optimizers: embedding.optimizers,
        tasks: embedding.tasks.length,
        skipped: embedding.skipped,
        sets: result.files.map((f, i) => ({ set: f.set, k: f.k, discrepancy: f.discrepancy, path: result.paths[i], tasks: f.tasks.map((t) => t.id) })),
      }));
      return;
    }
    console.log(`${embedding.tasks.length} ${embedding.type} tasks embedded by ${embedding.optimizers.join(', ')}; full set star discrepancy ${result.files[0].source.fullSetDiscrepancy.toFixed(4)}`);
    if (embedding.skipped.length > 0) console.log(`${embedding.skipped.length} skipped, e.g. ${embedding.skipped[0].task}: ${embedding.skipped[0].reason}`);
    console.log('');
    console.log(formatTable(['set', 'k', 'star discrepancy', 'file'], result.files.map((f, i) => [f.set, f.k, f.discrepancy.toFixed(4), result.paths[i]])));
    console.log(`\nRun one with: hpoarena run --tasks subset:${embedding.type}/${result.files[0].set} ...`);
  },
};

function splitList(value: string, flag: string): string[] {
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new SpecError(`${flag} '${value}' has an empty entry: give names separated by commas.`);
  return items;
}

export const subsetsCommand: CommandModule = {
  command: 'subsets <command>',
  describe: 'Star discrepancy of point sets, and representative task subsets (dev/test) picked by it',
  builder: (y) => y.command(discrepancyCommand).command(computeCommand).demandCommand(1, 'Give a subcommand: discrepancy, compute.'),
  handler: () => undefined,
};
