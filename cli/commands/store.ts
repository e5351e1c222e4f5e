import type { CommandModule } from 'yargs';
import { SpecError } from '../../core/index.js';
import { copyExperiment, openStore, type Store } from '../../runner/index.js';

interface CopyArgs { experiment: string; from: string; to: string }

const copyCommand: CommandModule<object, CopyArgs> = {
  command: 'copy <experiment>',
  describe: 'Copy an experiment between stores (SQLite file or postgres:// URL, either direction); copying again adds only what is new',
  builder: (y) =>
    y
      .positional('experiment', { type: 'string', demandOption: true })
      .option('from', { type: 'string', demandOption: true, describe: 'Store to read: SQLite file or postgres:// URL' })
      .option('to', { type: 'string', demandOption: true, describe: 'Store to write (created if needed): SQLite file or postgres:// URL' }) as never,
  handler: async (args) => {
    if (args.from === args.to) throw new SpecError(`--from and --to name the same store; give two different stores.`);
    const from = await openStore(args.from, { readonly: true });
    let to: Store | undefined;
    try {
      to = await openStore(args.to);
      const copied = await copyExperiment(from, to, args.experiment);
      console.log(
        `copied experiment '${copied.experiment}' from ${from.label} to ${to.label}: ${copied.runs} runs ` +
          `(${copied.added} new, ${copied.updated} updated, ${copied.runs - copied.added - copied.updated} already there), ${copied.trials} trials written`,
      );
    } finally {
      await to?.close();
      await from.close();
    }
  },
};

export const storeCommand: CommandModule<object, object> = {
  command: 'store',
  describe: 'Work with stores (store copy EXP --from A --to B)',
  builder: (y) => y.command(copyCommand).demandCommand(1, 'Give a store command: copy.') as never,
  handler: () => undefined,
};
