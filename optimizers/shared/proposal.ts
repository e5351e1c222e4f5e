import type { Config, TaskView, TrialInfo } from '../../core/index.js';

/** The trial for `config`: at max fidelity on multi-fidelity tasks, without a fidelity otherwise. */
export function proposeAt(view: TaskView, config: Config): TrialInfo {
  return view.fidelity ? { config, fidelity: view.fidelity.max } : { config };
}

/**
 * A canonical text key of a trial (values in `names` order, typed, then fidelity), to match a tell
 * to its ask; the trial seed and object identity do not matter. Without `names`, keys are sorted.
 */
function trialKey(info: TrialInfo, names?: readonly string[]): string {
  const config = info.config;
  let key = '';
  for (const name of names ?? Object.keys(config).sort()) {
    const v = config[name];
    key += v === undefined ? '\u0001' : typeof v === 'number' ? `\u0001n${v}` : typeof v === 'boolean' ? `\u0001b${v}` : `\u0001s${v.length}:${v}`;
  }
  return `${key}|${info.fidelity ?? ''}`;
}

/** Pending trials kept at most; the oldest are forgotten beyond this (asks that are never told). */
const MAX_PENDING = 100_000;

interface PendingEntry<T> {
  readonly info: TrialInfo;
  readonly payload: T;
  key?: string;
}

/**
 * Asked-but-not-told trials and what the optimizer needs back at tell time. Tells may come in any
 * order and as copies (the runner adds a seed): a tell matches the pending trial with the very
 * same config object first, else the oldest pending trial with an equal config and fidelity.
 */
export class PendingTrials<T> {
  private readonly entries: PendingEntry<T>[] = [];

  /** @param names the space's hyperparameter names (a config holds no others), for fast keys. */
  constructor(private readonly names?: readonly string[]) {}

  add(info: TrialInfo, payload: T): void {
    this.entries.push({ info, payload });
    if (this.entries.length > MAX_PENDING) this.entries.shift();
  }

  /** The payload of the pending trial matching `info`, removed; undefined if it was never asked. */
  take(info: TrialInfo): T | undefined {
    let index = this.entries.findIndex((e) => e.info.config === info.config && (e.info.fidelity === undefined || e.info.fidelity === info.fidelity));
    if (index < 0) {
      const key = trialKey(info, this.names);
      index = this.entries.findIndex((e) => (e.key ??= trialKey(e.info, this.names)) === key);
    }
    return index < 0 ? undefined : this.entries.splice(index, 1)[0].payload;
  }

  get size(): number {
    return this.entries.length;
  }

  /** The pending trials, oldest first. */
  infos(): TrialInfo[] {
    return this.entries.map((e) => e.info);
  }
}
