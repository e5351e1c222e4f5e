import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { analyzeExperiment, AXES, NORMALIZATIONS, writeReport, type Axis, type Normalization } from '../../analysis/index.js';
import { openStore } from '../../runner/index.js';
import { resolveDataDir, withDataDir, withStore } from '../globalOptions.js';
import { formatTable } from '../output.js';
import { expandTaskArguments } from '../taskArguments.js';

interface Args {
  experiment: string; store: string; out?: string; baseline?: string; tasks?: string[]; normalization: Normalization; log: boolean; axis: Axis;
  'grid-points': number; seed: number; png: boolean; 'data-dir'?: string;
}

export const reportCommand: CommandModule<object, Args> = {
  command: 'report <experiment>',
  describe: 'Rank and test the optimizers of an experiment; write report.html, figures/*.svg|png and tables/*.md|tex|csv',
  builder: (y) =>
    withDataDir(withStore(y))
      .positional('experiment', { type: 'string', demandOption: true })
      .option('out', { type: 'string', describe: 'Output directory (default: results/<experiment>/report)' })
      .option('baseline', { type: 'string', describe: "Optimizer label for --normalization baseline and the A12 table (e.g. 'random')" })
      .option('tasks', { type: 'string', array: true, describe: "Only these task ids / globs / subset: references (comma-separated or repeated), e.g. 'Pymoo/SO/*'" })
      .option('normalization', { choices: NORMALIZATIONS, default: 'minmax' as Normalization, describe: 'minmax (CARP-S), regret (known optimum), baseline (baseline = 1)' })
      .option('log', { type: 'boolean', default: false, describe: 'log10 of the normalized cost' })
      .option('axis', { choices: AXES, default: 'budget' as Axis, describe: "x axis of anytime curves and ranks over time: budget (fraction of n_trials) or time (simulated wall-clock time, fraction of each task's longest run)" })
      .option('grid-points', { type: 'number', default: 21, describe: 'Points of the budget-fraction grid for anytime curves' })
      .option('seed', { type: 'number', default: 0, describe: 'Seed of the bootstrap intervals' })
      .option('png', { type: 'boolean', default: true, describe: 'Also write PNG figures (--no-png: SVG only)' }) as never,
  handler: async (args) => {
    const store = await openStore(args.store, { readonly: true });
    try {
      const analysis = await analyzeExperiment(store, args.experiment, {
        normalization: args.normalization, axis: args.axis, log: args.log, baseline: args.baseline, gridPoints: args['grid-points'], seed: args.seed,
        tasks: args.tasks?.length ? expandTaskArguments(args.tasks) : undefined, taskContext: { dataDir: resolveDataDir(args['data-dir']) },
      });
      const out = args.out ?? join('results', args.experiment, 'report');
      const written = await writeReport(analysis, out, { formats: args.png ? ['svg', 'png'] : ['svg'] });
      const ranks = (analysis.ranks.mean.objects() as Array<{ optimizer: string; rank: number; low: number; high: number }>).filter((r) => Number.isFinite(r.rank));
      const s = analysis.missingSummary;
      console.log(`experiment '${args.experiment}': ${s.included} of ${s.runs} runs analysed on ${analysis.completeTasks.length} of ${analysis.tasks.length} tasks (x axis: ${args.axis === 'time' ? 'simulated time' : 'budget fraction'})\n`);
      if (ranks.length) console.log(formatTable(['optimizer', 'mean rank', 'interval'], ranks.map((r) => [r.optimizer, r.rank.toFixed(3), `[${r.low.toFixed(2)}, ${r.high.toFixed(2)}]`])));
      const f = analysis.tests.friedman;
      if (f) {
        const imanDavenport = Number.isFinite(f.imanDavenportF) ? `Iman-Davenport F = ${f.imanDavenportF.toFixed(3)} (p = ${f.imanDavenportPValue.toPrecision(3)})` : 'Iman-Davenport F not defined (identical ranking on every task)';
        console.log(`\nFriedman chi2 = ${f.chiSquare.toFixed(3)} (p = ${f.pValue.toPrecision(3)}), ${imanDavenport}`);
      }
      for (const note of analysis.notes) console.log(`note: ${note}`);
      console.log(`\nwrote ${written.html}, ${written.figures.length} figures and ${written.tables.length} table files under ${written.dir}`);
    } finally {
      await store.close();
    }
  },
};
