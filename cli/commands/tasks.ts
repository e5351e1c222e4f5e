import type { CommandModule } from 'yargs';
import { SpecError, TASK_TYPES, UnknownNameError } from '../../core/index.js';
import { allCollections, carpsCoverage, listTasks, type CarpsCoverage, type TaskDescriptor } from '../../benchmarks/index.js';
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
      .option('summary', { type: 'boolean', default: false, describe: "Totals per collection and type, runnable here or not, and how many of CARP-S's task ids hpoarena covers" }) as never,
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
      // CARP-S coverage counts every listed task, so it is shown only for an unfiltered listing.
      const filtered = Boolean(args.collection || args.type || args.pattern);
      printSummary(tasks, filtered ? undefined : carpsCoverage(tasks), args.json);
      return;
    }
    if (args.json) {
      console.log(JSON.stringify(tasks));
      return;
    }
    printTable(tasks);
  },
};

/** One row per task; a task not runnable here points to a numbered reason below the table (a reason is shared by many tasks). */
function printTable(tasks: readonly TaskDescriptor[]): void {
  const reasons = new Map<string, number>();
  const runnable = (t: TaskDescriptor) => {
    if (t.available) return 'yes';
    const reason = t.unavailableReason ?? 'its data is missing';
    if (!reasons.has(reason)) reasons.set(reason, reasons.size + 1);
    return `no [${reasons.get(reason)}]`;
  };
  console.log(formatTable(['id', 'type', 'dim', 'objectives', 'n_trials', 'runnable here'], tasks.map((t) => [t.id, t.type, t.dimension, t.nObjectives, t.nTrials, runnable(t)])));
  if (reasons.size > 0) console.log(`\n${[...reasons].map(([reason, n]) => `[${n}] ${reason}`).join('\n')}`);
}

/** Per collection and type: tasks and how many are runnable here; then CARP-S's catalogue against ours. */
function printSummary(tasks: readonly TaskDescriptor[], coverage: CarpsCoverage | undefined, json: boolean): void {
  const counts = new Map<string, { collection: string; type: string; count: number; runnable: number }>();
  for (const t of tasks) {
    const key = `${t.collection}\u0000${t.type}`;
    const row = counts.get(key) ?? { collection: t.collection, type: t.type, count: 0, runnable: 0 };
    row.count++;
    if (t.available) row.runnable++;
    counts.set(key, row);
  }
  const rows = [...counts.values()];
  if (json) {
    console.log(JSON.stringify({ tasks: rows, ...(coverage ? { carps: coverage } : {}) }));
    return;
  }
  const runnable = tasks.filter((t) => t.available).length;
  console.log(`${formatTable(['collection', 'type', 'tasks', 'runnable here'], rows.map((r) => [r.collection, r.type, r.count, r.runnable]))}\n\n${tasks.length} tasks, ${runnable} runnable here`);
  if (!coverage) return;
  console.log(
    `\nCARP-S's ${coverage.ids} task ids: ${coverage.listed} listed (${coverage.runnable} runnable here, ${coverage.needData} need a data download), ` +
      `${coverage.unsupported} in collections hpoarena does not support.`,
  );
  console.log(formatTable(
    ['CARP-S collection', 'ids', 'hpoarena', 'runnable here', 'need data', 'note'],
    coverage.collections.map((c) => [
      c.carps, c.ids, c.collection ?? '-', c.unsupported ? '-' : c.runnable, c.unsupported ? '-' : c.needData,
      c.unsupported ? `not supported: ${c.unsupported}` : c.needData > 0 ? `hpoarena data fetch ${c.collection}` : '',
    ]),
  ));
}
