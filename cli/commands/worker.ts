import type { CommandModule } from 'yargs';
import { defaultWorkerCount, openStore, positiveNumber, wholeNumber } from '../../runner/index.js';
import { runQueueWorker } from '../../runner/distributed/index.js';
import { resolveDataDir, withDataDir } from '../globalOptions.js';
import { queueLocation } from '../queueLocation.js';
import { signalExitCode } from '../interruptSignals.js';
import { SpecError } from '../../core/index.js';

interface Args {
  store: string; queue?: string; concurrency?: string; lease: string; 'exit-when-idle'?: string; 'on-stop': 'hand-back' | 'finish';
  'memory-limit': number; 'data-dir'?: string; plugin?: string[]; verbose: boolean;
}

export const workerCommand: CommandModule<object, Args> = {
  command: 'worker',
  describe: 'Take runs queued by `run --enqueue` and execute them here (start one per machine, or with `hpoarena slurm`)',
  builder: (y) =>
    withDataDir(y)
      .option('store', { type: 'string', demandOption: true, describe: 'PostgreSQL store, e.g. postgres://USER@HOST:5432/DB (password from PGPASSWORD or ~/.pgpass)' })
      .option('queue', { type: 'string', describe: 'PostgreSQL database of the queue (default: the store)' })
      .option('concurrency', { type: 'string', describe: `Runs at a time, one worker thread each (default: cores = ${defaultWorkerCount()})` })
      .option('lease', { type: 'string', default: '60', describe: 'Seconds without a heartbeat after which other workers take this worker\'s runs' })
      .option('exit-when-idle', { type: 'string', describe: 'Exit once nothing has been queued or running for this many seconds (default: keep waiting)' })
      .option('on-stop', { choices: ['hand-back', 'finish'] as const, default: 'hand-back' as const, describe: 'On SIGTERM/Ctrl-C: interrupt the runs and queue them again (they resume from their trials), or finish them first' })
      .option('memory-limit', { type: 'number', default: 4096, describe: 'Heap limit per worker thread in MiB; a run above it fails' })
      .option('verbose', { type: 'boolean', default: false, describe: "Print the harness's stack trace of every failed run to stderr" }) as never,
  handler: async (args) => {
    const queue = queueLocation(args.store, args.queue, '`hpoarena worker`');
    const concurrency = args.concurrency !== undefined ? wholeNumber(args.concurrency, '--concurrency', 1) : defaultWorkerCount();
    const leaseSeconds = positiveNumber(args.lease, '--lease');
    const exitWhenIdleSeconds = args['exit-when-idle'] !== undefined ? nonNegativeSeconds(args['exit-when-idle'], '--exit-when-idle') : undefined;
    if (args.verbose) process.env.HPOARENA_VERBOSE = '1';
    const store = await openStore(args.store);
    // First signal: stop taking runs and hand back (or finish) those in progress. Second: exit now.
    const stop = new AbortController();
    let received: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) process.exit(signalExitCode(signal));
      received = signal;
      stop.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      await runQueueWorker(store, queue, {
        concurrency, leaseSeconds, exitWhenIdleSeconds, onStop: args['on-stop'], signal: stop.signal,
        dataDir: resolveDataDir(args['data-dir']), memoryLimitMb: args['memory-limit'], plugins: args.plugin ?? [],
        log: (line) => console.error(`${new Date().toISOString()} ${line}`),
      });
      if (received) process.exitCode = signalExitCode(received);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await store.close();
    }
  },
};

function nonNegativeSeconds(value: string, flag: string): number {
  const seconds = value.trim() === '' ? NaN : Number(value);
  if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new SpecError(`${flag} must be a number of seconds (0 or more), got ${JSON.stringify(value)}.`);
  return seconds;
}
