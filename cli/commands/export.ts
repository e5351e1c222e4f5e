import { createWriteStream } from 'node:fs';
import type { CommandModule } from 'yargs';
import { SpecError, UnknownNameError } from '../../core/index.js';
import { exportParquet } from '../../analysis/index.js';
import { exportTrials, openStore, type ExportFormat } from '../../runner/index.js';
import { withStore } from '../globalOptions.js';

interface Args { experiment: string; store: string; format: ExportFormat | 'parquet'; out?: string; timings: boolean }

export const exportCommand: CommandModule<object, Args> = {
  command: 'export <experiment>',
  describe: 'Export every trial of an experiment as CSV, JSON lines, or CARP-S-compatible Parquet',
  builder: (y) =>
    withStore(y)
      .positional('experiment', { type: 'string', demandOption: true })
      .option('format', { choices: ['csv', 'jsonl', 'parquet'] as const, default: 'csv' as const, describe: 'parquet: columns of CARP-S logs.parquet (needs --out)' })
      .option('out', { type: 'string', describe: 'Output file (default: stdout)' })
      .option('timings', { type: 'boolean', default: false, describe: 'Add the wall_time column (varies between machines)' }) as never,
  handler: async (args) => {
    const store = await openStore(args.store, { readonly: true });
    try {
      if (!(await store.getExperiment(args.experiment))) {
        throw new UnknownNameError(`experiment (store '${store.label}')`, args.experiment, (await store.listExperiments()).map((e) => e.name));
      }
      if (args.format === 'parquet') {
        if (!args.out) throw new SpecError('--format parquet writes a file: give --out PATH.parquet.');
        const rows = await exportParquet(store, args.experiment, args.out);
        console.error(`wrote ${rows} rows to ${args.out}`);
        return;
      }
      const out: NodeJS.WritableStream = args.out ? createWriteStream(args.out) : process.stdout;
      for await (const line of exportTrials(store, args.experiment, args.format, args.timings)) {
        if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
      }
      if (args.out) await new Promise<void>((resolve) => out.end(resolve));
    } finally {
      await store.close();
    }
  },
};
