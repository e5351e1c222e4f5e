import { createInterface } from 'node:readline';
import type { CommandModule } from 'yargs';
import { SpecError, type Config, type Task } from '../../core/index.js';
import { createTask } from '../../benchmarks/index.js';
import { resolveDataDir, withDataDir } from '../globalOptions.js';

interface Args { task: string; fidelity?: number; config?: string; seed: number; 'data-dir'?: string }

export const evaluateCommand: CommandModule<object, Args> = {
  command: 'evaluate',
  describe: 'Evaluate configurations on a task: JSON lines {"config": {...}, "fidelity": F} (or bare configs) on stdin, one result line each',
  builder: (y) =>
    withDataDir(y)
      .option('task', { type: 'string', demandOption: true, describe: 'Task id' })
      .option('fidelity', { type: 'number', describe: 'Fidelity for inputs that do not give one (default: max)' })
      .option('config', { type: 'string', describe: 'Evaluate this one JSON config instead of reading stdin' })
      .option('seed', { type: 'number', default: 0, describe: "Seed for the task's noise" }) as never,
  handler: async (args) => {
    const task = await createTask(args.task, { dataDir: resolveDataDir(args['data-dir']) });
    try {
      if (args.config !== undefined) {
        console.log(JSON.stringify(await evaluateLine(task, args.config, args, 1)));
        return;
      }
      let lineNumber = 0;
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        lineNumber++;
        if (!line.trim()) continue;
        console.log(JSON.stringify(await evaluateLine(task, line, args, lineNumber)));
      }
    } finally {
      await task.close?.();
    }
  },
};

async function evaluateLine(task: Task, line: string, args: Args, lineNumber: number) {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    throw new SpecError(`Input line ${lineNumber} is not JSON: ${line.slice(0, 80)}`);
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new SpecError(`Input line ${lineNumber} must be a JSON object (a config, or {"config": {...}, "fidelity": F}).`);
  const record = input as Record<string, unknown>;
  const wrapped = typeof record.config === 'object' && record.config !== null && !task.space.get('config');
  const config = (wrapped ? record.config : record) as Config;
  const fidelity = wrapped && record.fidelity !== undefined ? Number(record.fidelity) : args.fidelity;
  task.space.validate(config);
  if (fidelity !== undefined) {
    if (!task.fidelity) throw new SpecError(`Task '${task.id}' has no fidelity; remove "fidelity" / --fidelity.`);
    const { name, min, max } = task.fidelity;
    if (!(fidelity >= min && fidelity <= max)) throw new SpecError(`Fidelity ${name} = ${fidelity} is outside [${min}, ${max}] for task '${task.id}'.`);
  }
  const value = await task.evaluate({ config, fidelity: fidelity ?? task.fidelity?.max, seed: args.seed });
  // Surrogate tasks put every raw model output under info.metrics: shown at top level.
  const { metrics, ...info } = (value.info ?? {}) as Record<string, unknown>;
  return {
    cost: value.cost, status: value.status, wall_time: value.wallTime, virtual_time: value.virtualTime,
    ...(metrics && typeof metrics === 'object' ? { metrics } : {}),
    ...(Object.keys(info).length ? { info } : {}),
  };
}
