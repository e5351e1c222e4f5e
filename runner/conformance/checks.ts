import type { IncumbentEntry, TaskView, TrialInfo, TrialValue } from '../../core/index.js';

/** A conformance check that failed: the message names the optimizer, the case, the trial and the offending config. */
export class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformanceFailure';
  }
}

export function fail(message: string): never {
  throw new ConformanceFailure(message);
}

/** A proposal validates against the space (bounds, active parameters only, no forbidden combination) and carries a legal fidelity. */
export function checkProposal(view: TaskView, info: TrialInfo, where: string): void {
  if (!info || typeof info !== 'object' || !info.config || typeof info.config !== 'object') {
    fail(`${where}: ask() must return a TrialInfo with a config, got ${JSON.stringify(info)}`);
  }
  try {
    view.space.validate(info.config);
  } catch (error) {
    fail(`${where}: invalid config ${JSON.stringify(info.config)}: ${(error as Error).message}`);
  }
  if (view.space.isForbidden(info.config)) fail(`${where}: forbidden config ${JSON.stringify(info.config)}`);
  const fidelity = view.fidelity;
  if (!fidelity) {
    if (info.fidelity !== undefined) fail(`${where}: fidelity ${info.fidelity} proposed on a task without fidelity (config ${JSON.stringify(info.config)})`);
    return;
  }
  const f = info.fidelity;
  if (f === undefined) return; // absent means max fidelity
  if (!(typeof f === 'number' && f >= fidelity.min && f <= fidelity.max)) fail(`${where}: fidelity ${f} outside [${fidelity.min}, ${fidelity.max}] (config ${JSON.stringify(info.config)})`);
  if (fidelity.integer && !Number.isInteger(f)) fail(`${where}: fidelity ${f} must be an integer (config ${JSON.stringify(info.config)})`);
}

export interface ToldTrial {
  readonly info: TrialInfo;
  readonly value: TrialValue;
}

/** The incumbent is made of told, successful trials with valid configs and finite costs of the right shape. */
export function checkIncumbent(view: TaskView, told: readonly ToldTrial[], incumbent: readonly IncumbentEntry[], where: string): void {
  const successes = told.filter(({ value }) => value.status === 'ok' && [value.cost].flat().every(Number.isFinite));
  if (successes.length > 0 && incumbent.length === 0) fail(`${where}: no incumbent after ${successes.length} successful trials`);
  if (view.objectives.length === 1 && incumbent.length > 1) fail(`${where}: a single-objective incumbent has ${incumbent.length} entries`);
  for (const entry of incumbent) {
    try {
      view.space.validate(entry.config);
    } catch (error) {
      fail(`${where}: incumbent config ${JSON.stringify(entry.config)} is invalid: ${(error as Error).message}`);
    }
    const costs = [entry.cost].flat();
    if (costs.length !== view.objectives.length) fail(`${where}: incumbent cost ${JSON.stringify(entry.cost)} has the wrong number of objectives`);
    if (!costs.every(Number.isFinite)) fail(`${where}: incumbent cost ${JSON.stringify(entry.cost)} is not finite (a crashed trial became the incumbent)`);
    const match = successes.some(({ info, value }) => sameConfig(info.config, entry.config) && sameCost(value.cost, entry.cost));
    if (!match) fail(`${where}: incumbent ${JSON.stringify(entry)} is not a told successful trial`);
  }
}

/** Index of the first proposal where two runs differ, or -1. */
export function firstDifference(a: readonly TrialInfo[], b: readonly TrialInfo[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (!a[i] || !b[i] || !sameProposal(a[i], b[i])) return i;
  }
  return -1;
}

function sameProposal(a: TrialInfo, b: TrialInfo): boolean {
  return a.fidelity === b.fidelity && a.seed === b.seed && a.instance === b.instance && sameConfig(a.config, b.config);
}

function sameConfig(a: TrialInfo['config'], b: TrialInfo['config']): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

function sameCost(a: TrialValue['cost'], b: TrialValue['cost']): boolean {
  const x = [a].flat();
  const y = [b].flat();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
