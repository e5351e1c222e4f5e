#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { HpoArenaError } from '../core/index.js';
import { loadPlugins, maskCredentials } from '../runner/index.js';
import { evaluateCommand } from './commands/evaluate.js';
import { exportCommand } from './commands/export.js';
import { optimizersCommand } from './commands/optimizers.js';
import { runCommand } from './commands/run.js';
import { statusCommand } from './commands/status.js';
import { tasksCommand } from './commands/tasks.js';
import { subsetsCommand } from './commands/subsets.js';
import { dataCommand } from './commands/data.js';
import { reportCommand } from './commands/report.js';
import { importCarpsCommand } from './commands/importCarps.js';
import { doctorCommand } from './commands/doctor.js';
import { storeCommand } from './commands/store.js';
import { applyBackendOption } from './backendOption.js';
import { checkOptimizerCommand } from './commands/checkOptimizer.js';
import { explainUsageError } from './usageError.js';
import { workerCommand } from './commands/worker.js';
import { slurmCommand } from './commands/slurm.js';

/** Thin entry: parse, call a module, print. User errors print one line and exit 2. */
async function main(argv: string[]): Promise<void> {
  const instance = yargs(argv);
  // yargs keeps the running command's options here; its typings do not show the method.
  const knownOptions = () => Object.keys((instance as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key ?? {});
  const parser = instance
    .scriptName('hpoarena')
    .option('plugin', { type: 'string', array: true, global: true, describe: 'Module that registers extra optimizers or task collections (repeatable)' })
    .option('backend', { type: 'string', global: true, describe: 'TensorFlow.js backend for tfjs tasks: node-gpu, node, wasm, cpu (default: the first that loads)' })
    .middleware(async (argv) => {
      applyBackendOption(argv.backend as string | undefined);
      await loadPlugins((argv.plugin as string[] | undefined) ?? []);
    })
    .command(tasksCommand)
    .command(optimizersCommand)
    .command(runCommand)
    .command(statusCommand)
    .command(evaluateCommand)
    .command(exportCommand)
    .command(subsetsCommand)
    .command(dataCommand)
    .command(reportCommand)
    .command(importCarpsCommand)
    .command(doctorCommand)
    .command(workerCommand)
    .command(slurmCommand)
    .command(storeCommand)
    .demandCommand(1, 'Give a command: tasks, optimizers, run, worker, slurm, status, evaluate, export, report, import-carps, subsets, data, store, doctor.')
    .command(checkOptimizerCommand)
    .demandCommand(1, 'Give a command: tasks, optimizers, run, status, evaluate, export, report, import-carps, subsets, data, store, check-optimizer.')
    .strict()
    .recommendCommands()
    .help()
    .fail((message, error) => {
      if (error) throw error;
      // One line, not the whole help: the mistake is what the user needs to see.
      console.error(`hpoarena: ${explainUsageError(message, knownOptions(), argv)} (see --help)`);
      process.exit(2);
    });
  await parser.parseAsync();
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await main(hideBin(process.argv));
} catch (error) {
  // Every message may name a PostgreSQL store: its password never reaches the terminal.
  if (error instanceof HpoArenaError) {
    console.error(`hpoarena: ${maskCredentials(error.message, process.env.PGPASSWORD)}`);
    process.exitCode = error.exitCode;
  } else {
    console.error(maskCredentials(error instanceof Error ? (error.stack ?? String(error)) : String(error), process.env.PGPASSWORD));
    process.exitCode = 1;
  }
}
