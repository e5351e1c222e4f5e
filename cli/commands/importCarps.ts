import type { CommandModule } from 'yargs';
import { importCarps } from '../../analysis/index.js';
import { openStore } from '../../runner/index.js';
import { withStore } from '../globalOptions.js';

interface Args { path: string; store: string; experiment: string }

export const importCarpsCommand: CommandModule<object, Args> = {
  command: 'import-carps <path>',
  describe: "Import CARP-S results (a runs/ tree of trial_logs.jsonl, or a logs.parquet) as done runs, to rank them next to new ones",
  builder: (y) =>
    withStore(y)
      .positional('path', { type: 'string', demandOption: true, describe: 'CARP-S run directory, trial_logs.jsonl or logs.parquet' })
      .option('experiment', { type: 'string', default: 'carps', describe: 'Experiment to add the runs to (created if needed)' }) as never,
  handler: async (args) => {
    const store = await openStore(args.store);
    try {
      const summary = await importCarps(store, args.path, args.experiment);
      console.log(`experiment '${summary.experiment}': imported ${summary.imported} runs (${summary.trials} trials)${summary.skipped ? `, ${summary.skipped} already there` : ''}`);
      console.log(`optimizers: ${summary.optimizers.join(', ')}`);
      console.log(`tasks: ${summary.tasks.length <= 10 ? summary.tasks.join(', ') : `${summary.tasks.slice(0, 10).join(', ')}, ... (${summary.tasks.length})`}`);
    } finally {
      await store.close();
    }
  },
};
