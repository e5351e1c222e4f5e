/**
 * The TypeScript reference program of the hpoarena ask/tell protocol (docs/protocol.md):
 * random search over the space it receives, speaking JSON lines on stdin/stdout. Run as
 * `node dist/optimizers/external/referenceClient.js`; the generic `external` optimizer runs it
 * when given no command. It exits when its stdin closes or its parent process dies.
 */
import { readFileSync } from 'node:fs';
import { IncumbentTracker, Rng, SearchSpace, type Fidelity, type TrialStatus } from '../../core/index.js';
import { PROTOCOL_V1, PROTOCOL_V2 } from './protocol.js';
import { readStdinLines } from './lineSplitter.js';

interface State {
  readonly space: SearchSpace;
  readonly rng: Rng;
  readonly fidelity: Fidelity | null;
  readonly tracker: IncumbentTracker;
  /** Version 2: tells are not answered. */
  readonly silentTells: boolean;
  trials: number;
}

type Message = Record<string, unknown> & { type?: unknown; id?: unknown };

let state: State | undefined;

function reply(message: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

function handle(message: Message): void {
  const id = typeof message.id === 'number' ? message.id : null;
  switch (message.type) {
    case 'init': {
      const protocol = chooseProtocol(message);
      const fidelity = (message.fidelity as Fidelity | null) ?? null;
      state = { space: SearchSpace.fromConfigSpaceJson(message.space), rng: new Rng(Number(message.seed)), fidelity, tracker: new IncumbentTracker(fidelity?.max), silentTells: protocol === PROTOCOL_V2, trials: 0 };
      // Random search keeps no state between ask and tell: any number of trials may be in flight.
      return reply({ type: 'ready', id, protocol, name: 'reference-random', capabilities: ['pending'] });
    }
    case 'ask': {
      const s = started();
      return reply({ type: 'proposal', id, trial: s.trials++, config: s.space.sample(s.rng), fidelity: s.fidelity ? s.fidelity.max : null });
    }
    case 'tell': {
      const s = started();
      const costs = (message.cost as Array<number | null>).map((c) => c ?? NaN);
      const info = { config: message.config as Record<string, number | string | boolean>, fidelity: (message.fidelity as number | null) ?? undefined };
      s.tracker.observe(info, { cost: costs.length === 1 ? costs[0] : costs, status: message.status as TrialStatus, wallTime: 0, virtualTime: 0 });
      if (!s.silentTells) reply({ type: 'ack', id });
      return;
    }
    case 'incumbent': {
      const entries = started().tracker.get().map((e) => ({ config: e.config, fidelity: e.fidelity ?? null, cost: [e.cost].flat() }));
      return reply({ type: 'incumbent', id, entries });
    }
    case 'close':
      // Exit once 'bye' is written (pipes are asynchronous on some platforms).
      return void process.stdout.write(JSON.stringify({ type: 'bye', id }) + '\n', () => process.exit(0));
    default:
      throw new Error(`unknown request type '${String(message.type)}'`);
  }
}

/** The newest version both sides speak: /2 when offered in `protocols`, else /1 from `protocol`. */
function chooseProtocol(init: Message): string {
  const offered = Array.isArray(init.protocols) ? init.protocols : [init.protocol];
  if (offered.includes(PROTOCOL_V2)) return PROTOCOL_V2;
  if (offered.includes(PROTOCOL_V1)) return PROTOCOL_V1;
  throw new Error(`unsupported protocol ${JSON.stringify(offered)}; this program speaks '${PROTOCOL_V2}' and '${PROTOCOL_V1}'`);
}

function started(): State {
  if (!state) throw new Error("'init' must come first");
  return state;
}

function onLine(line: string): void {
  let message: Message;
  try {
    message = JSON.parse(line) as Message;
  } catch {
    return reply({ type: 'error', id: null, message: `not JSON: ${line.slice(0, 200)}` });
  }
  try {
    handle(message);
  } catch (error) {
    reply({ type: 'error', id: typeof message.id === 'number' ? message.id : null, message: error instanceof Error ? error.message : String(error) });
  }
}

/** Parent pid from /proc (Linux), else the one this process started with. */
function parentPid(): number {
  try {
    return Number(readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
  } catch {
    return process.ppid;
  }
}

function watchParent(): void {
  const parent = parentPid();
  const timer = setInterval(() => {
    let gone = parentPid() !== parent;
    if (!gone) {
      try {
        process.kill(parent, 0);
      } catch {
        gone = true;
      }
    }
    if (gone) process.exit(1);
  }, 1000);
  timer.unref();
}

readStdinLines(onLine);
process.stdin.on('end', () => process.exit(0));
watchParent();
