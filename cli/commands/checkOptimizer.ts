import type { CommandModule } from 'yargs';
import { SpecError, resolveOptions, type Options } from '../../core/index.js';
import { getOptimizerFactory } from '../../optimizers/index.js';
import { PENDING_CASE_K, parseOptimizerEntry, runConformanceSuite, suiteCases, type CaseResult, type SuiteCase } from '../../runner/index.js';

interface Args { name: string; options?: string; case?: string; json: boolean }

export const checkOptimizerCommand: CommandModule<object, Args> = {
  command: 'check-optimizer <name>',
  describe: 'Run the conformance suite on a registered optimizer (shipped, from --plugin, or external)',
  builder: (y) =>
    y.positional('name', { type: 'string', demandOption: true, describe: "Optimizer name, optionally with options: 'tpe:multivariate=true'" })
      .option('options', { type: 'string', describe: 'Optimizer options as a JSON object, e.g. \'{"command": "python3", "args": ["my_optimizer.py"]}\'' })
      .option('case', { type: 'string', describe: "Only cases whose name contains this text, e.g. 'conditional' or 'multi-objective'" })
      .option('json', { type: 'boolean', default: false, describe: 'One JSON object per case' }) as never,
  handler: async (args) => {
    const entry = parseOptimizerEntry(args.name);
    const factory = getOptimizerFactory(entry.name);
    const options: Options = { ...entry.options, ...parseJsonOptions(args.options) };
    resolveOptions(factory, options); // a bad option is one clear message before any case runs
    const only = args.case === undefined ? undefined : (c: SuiteCase) => caseName(c).includes(args.case as string);
    if (only && !suiteCases(factory).some(only)) {
      throw new SpecError(`No case of '${factory.name}' matches --case '${args.case}'; cases: ${suiteCases(factory).map(caseName).join(', ')}.`);
    }
    if (!args.json) {
      console.log(`check-optimizer ${factory.name} (supports ${factory.supports.join(', ')})`);
      console.log('each case: every proposal valid (bounds, conditions, forbiddens, fidelity) through injected crashes, one ask after the budget, a valid incumbent, the same trials under the same seed, resume by replay');
      console.log(`${factory.supportsPending ? `pending-trials cases: the same with ${PENDING_CASE_K} trials in flight (asks before tells, tells out of order)` : 'no pending-trials cases: the optimizer does not declare supportsPending (runs one trial at a time)'}\n`);
    }
    const results = await runConformanceSuite(factory, options, (result) => console.log(args.json ? JSON.stringify(result) : formatCase(result)), only);
    const failed = results.filter((r) => !r.passed);
    const skipped = results.filter((r) => r.skipped).length;
    if (!args.json) console.log(`${results.length - failed.length - skipped} of ${results.length - skipped} cases passed${skipped ? ` (${skipped} skipped)` : ''}${failed.length ? `; failed: ${failed.map(caseName).join(', ')}` : ''}`);
    if (failed.length) process.exitCode = 1;
  },
};

function parseJsonOptions(text: string | undefined): Options {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SpecError(`--options must be a JSON object, e.g. '{"command": "python3"}': ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SpecError(`--options must be a JSON object, got ${text}.`);
  return value as Options;
}

function caseName(result: Pick<SuiteCase, 'label' | 'type'>): string {
  return `${result.label} (${result.type})`;
}

function formatCase(result: CaseResult): string {
  if (result.skipped) return `skip  ${caseName(result)}: ${result.skipped}`;
  const head = `${result.passed ? 'pass' : 'FAIL'}  ${caseName(result)}, ${result.nTrials} trials, ${result.seconds.toFixed(1)} s`;
  return result.passed ? head : `${head}\n      ${result.failure}`;
}
