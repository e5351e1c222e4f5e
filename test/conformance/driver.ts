import assert from 'node:assert/strict';
import { resolveOptions, type IncumbentEntry, type OptimizerFactory, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import { outcome } from './syntheticTask.js';

/** Everything one conformance run saw. */
export interface RunRecord {
  readonly proposals: TrialInfo[];
  readonly told: Array<{ readonly info: TrialInfo; readonly value: TrialValue }>;
  readonly incumbent: readonly IncumbentEntry[];
  /** The proposal of one ask after the budget was used up. */
  readonly afterBudget?: TrialInfo;
}

/**
 * The suite's own ask -> evaluate -> tell loop: `nTrials` trials with crash injection, each
 * proposal checked as it arrives (a failure names the optimizer, the label and the trial).
 */
export async function runConformance(factory: OptimizerFactory, view: TaskView, seed: number, nTrials: number, label: string, askAfterBudget = true): Promise<RunRecord> {
  const optimizer = factory.create(view, seed, resolveOptions(factory, {}));
  const proposals: TrialInfo[] = [];
  const told: Array<{ info: TrialInfo; value: TrialValue }> = [];
  try {
    for (let i = 0; i < nTrials; i++) {
      const where = `${factory.name} on ${label}, trial ${i}`;
      const info = await guarded(where, 'ask()', () => optimizer.ask());
      checkProposal(view, info, where);
      proposals.push(info);
      const value = outcome(view, info, i);
      // Like the runner: tell a copy with the fidelity filled in and a trial seed, never the asked object itself.
      const completed: TrialInfo = { ...info, fidelity: view.fidelity ? (info.fidelity ?? view.fidelity.max) : undefined, seed: 1000 + i };
      if (completed.fidelity === undefined) delete (completed as { fidelity?: number }).fidelity;
      await guarded(where, `tell(status ${value.status}, cost ${JSON.stringify(value.cost)})`, () => optimizer.tell(completed, value));
      told.push({ info: completed, value });
    }
    let afterBudget: TrialInfo | undefined;
    if (askAfterBudget) {
      const where = `${factory.name} on ${label}, ask after the budget`;
      afterBudget = await guarded(where, 'ask()', () => optimizer.ask());
      checkProposal(view, afterBudget, where);
    }
    const incumbent = await guarded(`${factory.name} on ${label}`, 'incumbent()', () => optimizer.incumbent());
    return { proposals, told, incumbent, afterBudget };
  } finally {
    await optimizer.close?.();
  }
}

/** Runs one optimizer call; an exception fails the test naming the optimizer, trial and call. */
async function guarded<T>(where: string, call: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    assert.fail(`${where}: ${call} threw: ${message}`);
  }
}

/** A proposal validates against the space (bounds, active parameters only, no forbidden combination) and carries a legal fidelity. */
export function checkProposal(view: TaskView, info: TrialInfo, where: string): void {
  assert.ok(info && typeof info === 'object' && info.config && typeof info.config === 'object', `${where}: ask() must return a TrialInfo with a config, got ${JSON.stringify(info)}`);
  try {
    view.space.validate(info.config);
  } catch (error) {
    assert.fail(`${where}: invalid config ${JSON.stringify(info.config)}: ${(error as Error).message}`);
  }
  assert.ok(!view.space.isForbidden(info.config), `${where}: forbidden config ${JSON.stringify(info.config)}`);
  const fidelity = view.fidelity;
  if (!fidelity) {
    assert.equal(info.fidelity, undefined, `${where}: fidelity ${info.fidelity} proposed on a task without fidelity`);
    return;
  }
  const f = info.fidelity;
  if (f === undefined) return; // absent means max fidelity
  assert.ok(typeof f === 'number' && f >= fidelity.min && f <= fidelity.max, `${where}: fidelity ${f} outside [${fidelity.min}, ${fidelity.max}]`);
  if (fidelity.integer) assert.ok(Number.isInteger(f), `${where}: fidelity ${f} must be an integer`);
}

/** The incumbent is made of told, successful trials with valid configs and finite costs of the right shape. */
export function checkIncumbent(view: TaskView, record: RunRecord, where: string): void {
  const successes = record.told.filter(({ value }) => value.status === 'ok' && [value.cost].flat().every(Number.isFinite));
  if (successes.length > 0) assert.ok(record.incumbent.length > 0, `${where}: no incumbent after ${successes.length} successful trials`);
  if (view.objectives.length === 1) assert.ok(record.incumbent.length <= 1, `${where}: a single-objective incumbent has ${record.incumbent.length} entries`);
  for (const entry of record.incumbent) {
    try {
      view.space.validate(entry.config);
    } catch (error) {
      assert.fail(`${where}: incumbent config ${JSON.stringify(entry.config)} is invalid: ${(error as Error).message}`);
    }
    const costs = [entry.cost].flat();
    assert.equal(costs.length, view.objectives.length, `${where}: incumbent cost ${JSON.stringify(entry.cost)} has the wrong number of objectives`);
    assert.ok(costs.every(Number.isFinite), `${where}: incumbent cost ${JSON.stringify(entry.cost)} is not finite (a crashed trial became the incumbent)`);
    const match = successes.some(({ info, value }) => sameConfig(info.config, entry.config) && sameCost(value.cost, entry.cost));
    assert.ok(match, `${where}: incumbent ${JSON.stringify(entry)} is not a told successful trial`);
  }
}

function sameConfig(a: TrialInfo['config'], b: TrialInfo['config']): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function sameCost(a: TrialValue['cost'], b: TrialValue['cost']): boolean {
  const x = [a].flat();
  const y = [b].flat();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
