import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Json } from './protocol.js';
import { SpecError, type OptimizerFactory, type OptionSpec, type OptionValue, type Options, type TaskView } from '../../core/index.js';
import { ExternalOptimizer } from './externalOptimizer.js';

/** The compiled TypeScript reference program (random search), next to this module in dist/. */
export const REFERENCE_CLIENT = fileURLToPath(new URL('./referenceClient.js', import.meta.url));

export const DEFAULT_STARTUP_TIMEOUT_S = 60;
export const DEFAULT_MESSAGE_TIMEOUT_S = 300;

const stringList = (value: OptionValue): string | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be a list of strings (e.g. [my_optimizer.py, --verbose])';

const stringMap = (value: OptionValue): string | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
    ? undefined
    : 'must be a mapping of variable names to strings (e.g. {OMP_NUM_THREADS: "1"})';

const mapping = (value: OptionValue): string | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'must be a mapping';

/** The timeout options every external optimizer has. */
export const timeoutOptions: Record<string, OptionSpec> = {
  startup_timeout: { type: 'number', default: DEFAULT_STARTUP_TIMEOUT_S, min: 0.01, description: "Seconds from starting the program to its 'ready' answer; past it the run fails." },
  message_timeout: { type: 'number', default: DEFAULT_MESSAGE_TIMEOUT_S, min: 0.01, description: 'Seconds the program may take to answer one ask or tell; past it the run fails.' },
};

export function timeoutsOf(options: Options): { startupMs: number; messageMs: number } {
  return { startupMs: Number(options.startup_timeout) * 1000, messageMs: Number(options.message_timeout) * 1000 };
}

/**
 * `external`: any program that speaks the hpoarena ask/tell protocol (docs/protocol.md).
 * In a YAML spec: `{name: external, label: mine, options: {command: python3, args: [my_opt.py], options: {...}}}`.
 * Without a command it runs the TypeScript reference program (random search) with this Node.
 */
export const externalFactory: OptimizerFactory = {
  name: 'external',
  description: 'A program in any language speaking the hpoarena ask/tell protocol over stdin/stdout (docs/protocol.md); without a command, the TypeScript reference client (random search).',
  supports: ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective'],
  // Declared here, checked per program: a run with parallel trials fails at the start unless the program lists 'pending' in 'ready'.
  supportsPending: true,
  options: {
    command: { type: 'string', default: null, description: 'Program to run (looked up on PATH), e.g. python3. Default: this Node running the reference client.' },
    args: { type: 'json', default: [], check: stringList, description: 'Arguments, a list of strings, e.g. [my_optimizer.py].' },
    env: { type: 'json', default: {}, check: stringMap, description: 'Environment variables added for the program, a mapping of strings.' },
    cwd: { type: 'string', default: null, description: "Working directory of the program (default: the harness's)." },
    options: { type: 'json', default: {}, check: mapping, description: "Sent to the program as 'options' in 'init' (its own settings)." },
    ...timeoutOptions,
  },
  create(view: TaskView, seed: number, options: Options) {
    const command = (options.command as string | null) ?? process.execPath;
    const args = options.command === null ? [REFERENCE_CLIENT, ...(options.args as string[])] : (options.args as string[]);
    const label = options.command === null ? 'reference client' : [command, ...args].join(' ');
    return new ExternalOptimizer(view, seed, {
      launch: () => {
        const cwd = (options.cwd as string | null) ?? undefined;
        if (cwd !== undefined && !existsSync(cwd)) throw new SpecError(`Option 'cwd' of optimizer 'external': directory '${cwd}' does not exist.`);
        return { command, args, env: options.env as Record<string, string>, cwd, label };
      },
      timeouts: timeoutsOf(options),
      options: options.options as Json,
    });
  },
};
