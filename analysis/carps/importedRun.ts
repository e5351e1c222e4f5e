import type { Config, TrialStatus } from '../../core/index.js';

/** A CARP-S run as read from its logs, ready for the store. */
export interface ImportedRun {
  readonly optimizer: string;
  readonly task: string;
  readonly seed: number;
  readonly nTrials: number;
  /** Where it came from (file, or file and experiment_id), for messages. */
  readonly source: string;
  readonly trials: ImportedTrial[];
}

export interface ImportedTrial {
  readonly config: Config;
  readonly fidelity: number | null;
  readonly cost: number | number[] | null;
  readonly status: TrialStatus;
  readonly wallTime: number;
  readonly virtualTime: number;
  /** CARP-S n_trials: cumulative budget used (a trial at fidelity b counts b / max fidelity). */
  readonly budgetUsed: number;
}

/** Names config values: CARP-S's file logger writes a config as the list of its values. */
export function configFromValues(values: unknown, names: readonly string[] | undefined): Config {
  if (values && typeof values === 'object' && !Array.isArray(values)) return values as Config;
  const list = Array.isArray(values) ? values : [values];
  const keys = names && names.length === list.length ? names : list.map((_, i) => `x${i}`);
  return Object.fromEntries(list.map((v, i) => [keys[i], v as Config[string]]));
}

/** Costs as the store keeps them: a number, a vector, or null when not finite (a crashed trial). */
export function cleanCost(cost: unknown): number | number[] | null {
  if (typeof cost === 'number') return Number.isFinite(cost) ? cost : null;
  if (Array.isArray(cost) && cost.length > 0 && cost.every((v) => typeof v === 'number')) {
    if (cost.length === 1) return Number.isFinite(cost[0]) ? cost[0] : null;
    return cost.every(Number.isFinite) ? (cost as number[]) : null;
  }
  return null;
}
