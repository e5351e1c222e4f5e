import type { CommandModule } from 'yargs';
import { allOptimizers, getOptimizerFactory } from '../../optimizers/index.js';
import { formatTable } from '../output.js';

interface Args { name?: string; json: boolean }

export const optimizersCommand: CommandModule<object, Args> = {
  command: 'optimizers [name]',
  describe: 'List optimizers, or show one optimizer\'s options',
  builder: (y) =>
    y.positional('name', { type: 'string', describe: 'Show the options of this optimizer' })
      .option('json', { type: 'boolean', default: false }) as never,
  handler: (args) => {
    if (args.name) {
      const factory = getOptimizerFactory(args.name);
      if (args.json) {
        console.log(JSON.stringify({ name: factory.name, description: factory.description, supports: factory.supports, supportsPending: factory.supportsPending === true, options: factory.options }));
        return;
      }
      console.log(`${factory.name}: ${factory.description}\nsupports: ${factory.supports.join(', ')}\nparallel trials (--parallel-trials K > 1): ${factory.supportsPending ? 'yes' : 'no, one trial at a time'}\n`);
      const rows = Object.entries(factory.options).map(([key, spec]) => [key, spec.type, JSON.stringify(spec.default), spec.description]);
      console.log(rows.length ? formatTable(['option', 'type', 'default', 'description'], rows) : '(no options)');
      return;
    }
    const factories = allOptimizers();
    if (args.json) {
      console.log(JSON.stringify(factories.map((f) => ({ name: f.name, description: f.description, supports: f.supports, supportsPending: f.supportsPending === true, options: Object.keys(f.options) }))));
      return;
    }
    console.log(formatTable(['name', 'supports', 'description'], factories.map((f) => [f.name, f.supports.join(', '), f.description])));
  },
};
