import type { CommandModule } from 'yargs';
import { SpecError, TASK_TYPES, UnknownNameError } from '../../core/index.js';
import { allCollections, listTasks } from '../../benchmarks/index.js';
import { globToRegExp } from '../../runner/index.js';
import { formatTable } from '../output.js';
import { resolveDataDir, withDataDir } from '../globalOptions.js';

interface Args { collection?: string; type?: string; pattern?: string; json: boolean; summary: boolean; 'data-dir'?: string }

export const tasksCommand: CommandModule<object, Args> = {
  command: 'tasks [pattern]',
  describe: 'List tasks (filter by collection, type or glob pattern)',
  builder: (y) =>
    withDataDir(y)
      .positional('pattern', { type: 'string', describe: "Glob over task ids, e.g. 'bbob/2/*/0'" })
      .option('collection', { type: 'string', describe: 'Only this collection' })
      .option('type', { type: 'string', describe: `Only this type: ${TASK_TYPES.join(', ')}` })
      .option('json', { type: 'boolean', default: false, describe: 'One JSON array of task descriptors' })
      .option('summary', { type: 'boolean', default: false, describe: 'Totals per collection and type' }) as never,
  handler: (args) => {
    const collections = allCollections().map((c) => c.name);
    if (args.collection && !collections.includes(args.collection)) throw new UnknownNameError('collection', args.collection, collections);
    if (args.type && !(TASK_TYPES as readonly string[]).includes(args.type)) throw new UnknownNameError('task type', args.type, TASK_TYPES);
    const pattern = args.pattern ? globToRegExp(args.pattern) : undefined;
    const tasks = listTasks({ dataDir: resolveDataDir(args['data-dir']) }).filter(
      (t) => (!args.collection || t.collection === args.collection) && (!args.type || t.type === args.type) && (!pattern || pattern.test(t.id)),
    );
    if (args.pattern && tasks.length === 0) throw new SpecError(`No task matches '${args.pattern}'.`);
    if (args.summary) {
      const counts = new Map<string, number>();
      for (const t of tasks) counts.set(`${t.collection}\u0000${t.type}`, (counts.get(`${t.collection}\u0000${t.type}`) ?? 0) + 1);
      const rows = [...counts].map(([key, n]) => [...key.split('\u0000'), n]);
      if (args.json) console.log(JSON.stringify(rows.map(([collection, type, count]) => ({ collection, type, count }))));
      else console.log(`${formatTable(['collection', 'type', 'tasks'], rows)}\n\n${tasks.length} tasks`);
      return;
    }
    if (args.json) {
      console.log(JSON.stringify(tasks));
      return;
    }
    console.log(formatTable(['id', 'type', 'dim', 'objectives', 'n_trials', 'available'], tasks.map((t) => [t.id, t.type, t.dimension, t.nObjectives, t.nTrials, t.available ? 'yes' : `no: ${t.unavailableReason ?? ''}`])));
  },
};
