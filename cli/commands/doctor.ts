import type { CommandModule } from 'yargs';
import { DEFAULT_STORE_PATH } from '../../runner/index.js';
import { checkChromium, checkNode, checkPostgres, checkPython, checkStore, checkTfjs, checkYahpo, type CheckResult } from '../../runner/doctor/checks.js';
import { formatTable } from '../output.js';
import { resolveDataDir, withDataDir } from '../globalOptions.js';

interface Args { 'data-dir'?: string; store: string; postgres?: string; json: boolean }

export const doctorCommand: CommandModule<object, Args> = {
  command: 'doctor',
  describe: 'What this installation can do: Node, tfjs backends and GPU, YAHPO data, Python with optuna, Chromium, PostgreSQL',
  builder: (y) =>
    withDataDir(y)
      .option('store', { type: 'string', default: DEFAULT_STORE_PATH, describe: 'SQLite store the default run writes' })
      .option('postgres', { type: 'string', describe: 'PostgreSQL URL to check (default: $HPOARENA_POSTGRES_URL)' })
      .option('json', { type: 'boolean', default: false, describe: 'One JSON array of checks' }) as never,
  handler: async (args) => {
    const postgres = args.postgres ?? process.env.HPOARENA_POSTGRES_URL;
    const checks: CheckResult[] = [
      checkNode(), checkStore(args.store), ...(await checkTfjs()), checkYahpo(resolveDataDir(args['data-dir'])),
      await checkPython(), checkChromium(), ...(postgres ? [await checkPostgres(postgres)] : []),
    ];
    const broken = checks.filter((c) => c.required && !c.ok);
    if (args.json) console.log(JSON.stringify(checks));
    else {
      console.log(formatTable(['check', 'status', 'detail'], checks.map((c) => [c.name, c.ok ? 'ok' : c.required ? 'FAIL' : 'no', c.detail])));
      console.log(broken.length ? `\nThe default run cannot work: fix ${broken.map((c) => c.name).join(', ')}.` : '\nThe default run works.');
    }
    // Exit non-zero only when the default run cannot work.
    if (broken.length) process.exitCode = 1;
  },
};
