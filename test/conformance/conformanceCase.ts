import assert from 'node:assert/strict';
import type { OptimizerFactory, SearchSpace, TaskType, TrialInfo } from '../../core/index.js';
import { checkIncumbent, runConformance } from './driver.js';
import { FIDELITY, viewFor, type ViewShape } from './syntheticTask.js';

/** Trials replayed for the determinism check: a prefix of the full run (half, at most 30) keeps slow optimizers fast. */
const DETERMINISM_TRIALS = 30;
const SEED = 20240917;

export const SHAPES: Record<TaskType, ViewShape> = {
  blackbox: { objectives: 1 },
  'multi-fidelity': { objectives: 1, fidelity: FIDELITY },
  'multi-objective': { objectives: 2 },
  'multi-fidelity-multi-objective': { objectives: 2, fidelity: FIDELITY },
};

/** The simplest task type a factory supports: its view for the per-space checks. */
export function primaryType(factory: OptimizerFactory): TaskType {
  const order: TaskType[] = ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective'];
  return order.find((t) => factory.supports.includes(t)) ?? 'blackbox';
}

/**
 * All checks of one optimizer on one space and task type: a full run to budget exhaustion with
 * crashes of every kind (each proposal validated as it arrives, one ask after the budget), a valid
 * incumbent, and a second run with the same seed proposing the same trials.
 */
export async function conformanceCase(factory: OptimizerFactory, space: SearchSpace, type: TaskType, nTrials: number, label: string): Promise<void> {
  const view = viewFor(space, nTrials, SHAPES[type]);
  const where = `${factory.name} on ${label} (${type})`;
  const first = await runConformance(factory, view, SEED, nTrials, label);
  assert.equal(first.proposals.length, nTrials);
  checkIncumbent(view, first, where);
  const replay = Math.min(Math.ceil(nTrials / 2), DETERMINISM_TRIALS);
  const second = await runConformance(factory, view, SEED, replay, label, false);
  const index = firstDifference(first.proposals.slice(0, replay), second.proposals);
  assert.equal(index, -1, `${where}: not deterministic under a seed: trial ${index} was ${show(first.proposals[index])}, then ${show(second.proposals[index])}`);
}

function firstDifference(a: readonly TrialInfo[], b: readonly TrialInfo[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    try {
      assert.deepStrictEqual(a[i], b[i]);
    } catch {
      return i;
    }
  }
  return -1;
}

function show(info: TrialInfo | undefined): string {
  return JSON.stringify(info);
}
