import { createWriteStream } from 'node:fs';
import type { CommandModule } from 'yargs';
import { UnknownNameError } from '../../core/index.js';
import { exportTrials, openStore, type ExportFormat } from '../../runner/index.js';
import { withStore } from '../globalOptions.js';

interface Args { experiment: string; store: string; format: ExportFormat; out?: string; timings: boolean }

export const exportCommand: CommandModule<object, Args> = {
  command: 'export <experiment>',
  describe: 'Export every trial of an experiment as CSV or JSON lines',
  builder: (y) =>
    withStore(y)
      .positional('experiment', { type: 'string', demandOption: true })
      .option('format', { choices: ['csv', 'jsonl'] as const, default: 'csv' as const })
      .option('out', { type: 'string', describe: 'Output file (default: stdout)' })
      .option('timings', { type: 'boolean', default: false, describe: 'Add the wall_time column (varies between machines)' }) as never,
  handler: async (args) => {
    const store = openStore(args.store, { readonly: true });
    try {
      if (!store.getExperiment(args.experiment)) {
        throw new UnknownNameError(`experiment (store '${args.store}')`, args.experiment, store.listExperiments().map((e) => e.name));
      }
      const out: NodeJS.WritableStream = args.out ? createWriteStream(args.out) : process.stdout;
      for (const line of exportTrials(store, args.experiment, args.format, args.timings)) {
        if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
      }
      if (args.out) await new Promise<void>((resolve) => out.end(resolve));
    } finally {
      store.close();
    }
  },
};
