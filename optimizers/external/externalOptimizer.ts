import { IncumbentTracker, type Config, type IncumbentEntry, type Optimizer, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import type { LaunchSpec } from './childProgram.js';
import { Connection, ExternalOptimizerError, type Timeouts } from './connection.js';
import { clipEdgeValues, snapToBounds } from './edgeValues.js';
import { CAPABILITY_PENDING, type ConfigJson, type Json, type Response } from './protocol.js';

/** Everything needed to run one external program for one run. */
export interface ExternalLaunch {
  /** Resolved when the run starts (e.g. after finding a Python that can import optuna). */
  readonly launch: () => LaunchSpec | Promise<LaunchSpec>;
  readonly timeouts: Timeouts;
  /** Sent to the program in `init`. */
  readonly options: Json;
}

/** Asked but not yet told proposals kept for matching tells to the program's trial handles. */
const MAX_PENDING = 1024;

/**
 * An optimizer that lives in another process and speaks the hpoarena ask/tell protocol
 * (docs/protocol.md). The program starts at the first ask or tell (never at construction,
 * so building an optimizer costs nothing) and is reaped by close(). Every proposal is checked
 * against the space here, so an invalid one fails the run with the program's stderr tail.
 * The incumbent is kept on this side from the told trials.
 */
export class ExternalOptimizer implements Optimizer {
  private connection: Promise<Connection> | undefined;
  /** The connection once open: ask and tell use it without awaiting a settled promise each time. */
  private live: Connection | undefined;
  private readonly pending: Array<{ readonly handle: Json; readonly config: Config; readonly fidelity: number | undefined }> = [];
  private readonly tracker: IncumbentTracker;

  constructor(private readonly view: TaskView, private readonly seed: number, private readonly setup: ExternalLaunch) {
    this.tracker = new IncumbentTracker(view.fidelity?.max);
  }

  async ask(): Promise<TrialInfo> {
    const connection = this.live ?? (await this.connect());
    const response = await connection.request({ type: 'ask' });
    const proposal = response as Extract<Response, { type: 'proposal' }>;
    const info = await this.check(connection, proposal);
    this.pending.push({ handle: proposal.trial ?? null, config: info.config, fidelity: info.fidelity });
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    return info;
  }

  async tell(info: TrialInfo, value: TrialValue): Promise<void> {
    this.tracker.observe(info, value);
    const connection = this.live ?? (await this.connect());
    const cost = typeof value.cost === 'number' ? [finiteOrNull(value.cost)] : value.cost.map(finiteOrNull);
    // Version 2: the tell is not answered, so it travels with the next ask (one round trip a trial).
    const send = connection.tellsUnanswered ? connection.notify.bind(connection) : connection.request.bind(connection);
    await send({
      type: 'tell',
      trial: this.takeHandle(info),
      config: info.config as ConfigJson,
      fidelity: info.fidelity ?? null,
      cost,
      status: value.status,
      wall_time: value.wallTime,
      virtual_time: value.virtualTime,
    });
  }

  incumbent(): readonly IncumbentEntry[] {
    return this.tracker.get();
  }

  /** The program's own view of its incumbent (the protocol's 'incumbent' request). */
  async programIncumbent(): Promise<IncumbentEntry[]> {
    const connection = await this.connect();
    const response = (await connection.request({ type: 'incumbent' })) as Extract<Response, { type: 'incumbent' }>;
    return (response.entries ?? []).map((e) => ({
      config: e.config,
      ...(e.fidelity === undefined || e.fidelity === null ? {} : { fidelity: e.fidelity }),
      cost: e.cost.length === 1 ? (e.cost[0] ?? NaN) : e.cost.map((c) => c ?? NaN),
    }));
  }

  /** The protocol version the program chose at `init` (starts it if needed). */
  async protocol(): Promise<string> {
    return (await this.connect()).protocol;
  }

  /** Process id of the running program (tests), once started. */
  async pid(): Promise<number | undefined> {
    return (await this.connect()).pid;
  }

  async close(): Promise<void> {
    if (!this.connection) return;
    let connection: Connection;
    try {
      connection = await this.connection;
    } catch {
      return; // a failed start already killed and reaped the program
    }
    await connection.close();
  }

  private connect(): Promise<Connection> {
    this.connection ??= (async () => {
      const launch = await this.setup.launch();
      const { view } = this;
      const parallelTrials = view.parallelTrials ?? 1;
      const connection = await Connection.open(
        launch,
        {
          space: view.space.toConfigSpaceJson('v1') as Json,
          objectives: view.objectives.map((o) => ({ name: o.name, direction: o.direction })),
          fidelity: view.fidelity ? { ...view.fidelity } : null,
          budget: { n_trials: view.budget.nTrials, seconds: view.budget.seconds ?? null },
          seed: this.seed,
          options: this.setup.options,
          ...(parallelTrials > 1 ? { parallel_trials: parallelTrials } : {}),
        },
        this.setup.timeouts,
      );
      if (parallelTrials > 1 && !connection.capabilities.includes(CAPABILITY_PENDING)) {
        throw await connection.fail(
          `cannot run with ${parallelTrials} parallel trials: its 'ready' answer does not list the capability '${CAPABILITY_PENDING}' ` +
            `(asks before earlier tells, tells in any order; docs/protocol.md). Use --parallel-trials 1 for it, or declare the capability.`,
        );
      }
      this.live = connection;
      return connection;
    })();
    return this.connection;
  }

  /**
   * Validates a proposal against the space and the fidelity range; a bad one fails the run.
   * Float values (and a continuous fidelity) a few ulps outside a bound are clipped onto it first.
   */
  private async check(connection: Connection, proposal: Extract<Response, { type: 'proposal' }>): Promise<TrialInfo> {
    const { space, fidelity } = this.view;
    const raw = clipEdgeValues(space, proposal.config);
    const problem = space.isValid(raw) ? undefined : invalidReason(() => space.validate(raw));
    if (problem) throw await connection.fail(`proposed an invalid configuration ${JSON.stringify(raw)}: ${problem}`);
    const config: Record<string, Config[string]> = {};
    for (const name of space.names) if (Object.hasOwn(raw, name)) config[name] = raw[name];
    let f = proposal.fidelity ?? undefined;
    if (f === undefined) return { config };
    if (!fidelity) throw await connection.fail(`proposed fidelity ${JSON.stringify(f)}, but the task has no fidelity`);
    if (typeof f === 'number' && !fidelity.integer) f = snapToBounds(f, fidelity.min, fidelity.max);
    if (typeof f !== 'number' || !(f >= fidelity.min && f <= fidelity.max) || (fidelity.integer && !Number.isInteger(f))) {
      throw await connection.fail(`proposed fidelity ${fidelity.name} = ${JSON.stringify(f)}, outside [${fidelity.min}, ${fidelity.max}]${fidelity.integer ? ' or not an integer' : ''}`);
    }
    return { config, fidelity: f };
  }

  /** The program's handle of the told trial: the oldest open proposal with the same config and fidelity, or null. */
  private takeHandle(info: TrialInfo): Json {
    const max = this.view.fidelity?.max;
    const index = this.pending.findIndex((p) => (p.fidelity ?? max) === (info.fidelity ?? max) && sameConfig(p.config, info.config));
    if (index < 0) return null;
    const [entry] = this.pending.splice(index, 1);
    return entry.handle;
  }
}

/** JSON has no NaN or Infinity: a cost that is not finite travels as null. */
function finiteOrNull(cost: number): number | null {
  return Number.isFinite(cost) ? cost : null;
}

function invalidReason(validate: () => void): string {
  try {
    validate();
    return 'invalid';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function sameConfig(a: Config, b: Config): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export { ExternalOptimizerError };
