import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from 'yargs';
import { wholeNumber } from '../../runner/index.js';
import { slurmScript } from '../../runner/distributed/index.js';
import { isPostgresUrl } from '../../runner/store/postgres/maskCredentials.js';

interface Args {
  store: string; queue?: string; array: string; 'array-limit'?: string; concurrency?: string; 'cpus-per-task': string; time?: string; mem?: string;
  partition?: string; 'job-name'?: string; command?: string; out?: string; log?: string; 'exit-when-idle': string; lease?: string; plugin?: string[];
}

export const slurmCommand: CommandModule<object, Args> = {
  command: 'slurm',
  describe: 'Write an sbatch script that starts `hpoarena worker` processes as a SLURM job array',
  builder: (y) =>
    y
      .option('store', { type: 'string', demandOption: true, describe: 'PostgreSQL store the workers share; a password in it is left out of the script (use PGPASSWORD or ~/.pgpass)' })
      .option('queue', { type: 'string', describe: 'PostgreSQL database of the queue, beside a SQLite --store (a single-node cluster only)' })
      .option('array', { type: 'string', demandOption: true, describe: 'Array tasks: worker processes' })
      .option('array-limit', { type: 'string', describe: 'At most this many array tasks at once (sbatch %N)' })
      .option('concurrency', { type: 'string', describe: 'Runs per worker at a time (default: --cpus-per-task)' })
      .option('cpus-per-task', { type: 'string', default: '1' })
      .option('time', { type: 'string', describe: 'Time limit per task, e.g. 04:00:00; at 60 s before it the worker hands its runs back' })
      .option('mem', { type: 'string', describe: 'Memory per task, e.g. 8G' })
      .option('partition', { type: 'string' })
      .option('job-name', { type: 'string', describe: 'Default: hpoarena-workers' })
      .option('command', { type: 'string', describe: 'How compute nodes start hpoarena (default: this installation, by absolute path)' })
      .option('log', { type: 'string', describe: 'Log file per task (default: hpoarena-worker-%A_%a.log)' })
      .option('exit-when-idle', { type: 'string', default: '120', describe: 'Workers exit once the queue has been empty this many seconds' })
      .option('lease', { type: 'string', describe: 'Worker lease in seconds (see `hpoarena worker --help`)' })
      .option('out', { type: 'string', describe: 'Write the script here (default: stdout)' }) as never,
  handler: (args) => {
    const script = slurmScript({
      // A SQLite file by absolute path: array tasks may start in another folder.
      store: args.queue !== undefined && !isPostgresUrl(args.store) ? resolve(args.store) : args.store, queue: args.queue,
      array: wholeNumber(args.array, '--array', 1),
      arrayLimit: args['array-limit'] !== undefined ? wholeNumber(args['array-limit'], '--array-limit', 1) : undefined,
      concurrency: args.concurrency !== undefined ? wholeNumber(args.concurrency, '--concurrency', 1) : undefined,
      cpusPerTask: wholeNumber(args['cpus-per-task'], '--cpus-per-task', 1),
      time: args.time, mem: args.mem, partition: args.partition, jobName: args['job-name'], output: args.log,
      command: args.command ?? thisInstallation(),
      exitWhenIdleSeconds: wholeNumber(args['exit-when-idle'], '--exit-when-idle', 0),
      leaseSeconds: args.lease !== undefined ? wholeNumber(args.lease, '--lease', 1) : undefined,
      extraWorkerArgs: (args.plugin ?? []).flatMap((plugin) => ['--plugin', /^(file|data|node):/.test(plugin) ? plugin : resolve(plugin)]),
    });
    if (args.out) {
      writeFileSync(args.out, script.text, { mode: 0o755 });
      console.error(`wrote ${args.out}; submit it with: sbatch ${args.out}`);
    } else {
      process.stdout.write(script.text);
    }
    if (script.passwordRemoved) console.error('hpoarena: the password was left out of the script: export PGPASSWORD before sbatch, or use ~/.pgpass.');
  },
};

/** Node and this CLI by absolute path: compute nodes usually see the same file system. */
function thisInstallation(): string {
  const main = fileURLToPath(new URL('../main.js', import.meta.url));
  return `${process.execPath} ${main}`;
}
