import { createInterface } from 'node:readline';
import type { CommandModule } from 'yargs';
import { HpoArenaError, SpecError, type Config, type Task, type TrialValue } from '../../core/index.js';
import { createTask } from '../../benchmarks/index.js';
import { evaluateChecked } from '../../runner/index.js';
import { resolveDataDir, withDataDir } from '../globalOptions.js';

interface Args { task: string; fidelity?: number; config?: string; seed: number; timeout?: number; 'data-dir'?: string }

/**
 * Evaluates configs through the run loop's checked evaluation (config and fidelity validated,
 * NaN or infinite cost -> crashed, optional timeout). On stdin, a line that cannot be evaluated
 * yields {"line": N, "error": "..."} on its own output line and the stream goes on; the exit
 * code is then 1.
 */
export const evaluateCommand: CommandModule<object, Args> = {
  command: 'evaluate',
  describe: 'Evaluate configurations on a task: JSON lines {"config": {...}, "fidelity": F} (or bare configs) on stdin, one result line each (an error object for a bad line; exit code 1 if any)',
  builder: (y) =>
    withDataDir(y)
      .option('task', { type: 'string', demandOption: true, describe: 'Task id' })
      .option('fidelity', { type: 'number', describe: 'Fidelity for inputs that do not give one (default: max)' })
      .option('config', { type: 'string', describe: 'Evaluate this one JSON config instead of reading stdin' })
      .option('seed', { type: 'number', default: 0, describe: "Seed for the task's noise" })
      .option('timeout', { type: 'number', describe: 'Seconds an evaluation may take before it counts as a timeout' }) as never,
  handler: async (args) => {
    if (args.timeout !== undefined && !(args.timeout > 0)) throw new SpecError(`--timeout must be a positive number of seconds, got ${args.timeout}.`);
    const task = await createTask(args.task, { dataDir: resolveDataDir(args['data-dir']) });
    try {
      if (args.config !== undefined) {
        console.log(JSON.stringify(await evaluateLine(task, args.config, args, 1)));
        return;
      }
      let lineNumber = 0;
      let failed = 0;
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        lineNumber++;
        if (!line.trim()) continue;
        try {
          console.log(JSON.stringify(await evaluateLine(task, line, args, lineNumber)));
        } catch (error) {
          failed++;
          // A user error is its message; anything else is a bug, whose stack goes to stderr.
          if (!(error instanceof HpoArenaError)) console.error(error);
          console.log(JSON.stringify({ line: lineNumber, error: error instanceof Error ? error.message : String(error) }));
        }
      }
      if (failed > 0) {
        console.error(`hpoarena: ${failed} of the input lines could not be evaluated (see their "error" lines).`);
        process.exitCode = 1;
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
  return resultLine(await evaluateChecked(task, { config, fidelity, seed: args.seed }, args.timeout));
}

function resultLine(value: TrialValue) {
  // Surrogate tasks put every raw model output under info.metrics: shown at top level.
  const { metrics, ...info } = (value.info ?? {}) as Record<string, unknown>;
  return {
    cost: value.cost, status: value.status, wall_time: value.wallTime, virtual_time: value.virtualTime,
    ...(metrics && typeof metrics === 'object' ? { metrics } : {}),
    ...(Object.keys(info).length ? { info } : {}),
  };
}
