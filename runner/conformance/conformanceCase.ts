import type { OptimizerFactory, Options, SearchSpace, TaskType, TrialInfo } from '../../core/index.js';
import { checkIncumbent, fail, firstDifference } from './checks.js';
import { runConformance } from './driver.js';
import { FIDELITY, viewFor, type ViewShape } from './syntheticTask.js';

/** Trials re-run for the determinism and resume checks: a prefix of the full run (half, at most 30) keeps slow optimizers fast. */
const DETERMINISM_TRIALS = 30;
export const CONFORMANCE_SEED = 20240917;

export const SHAPES: Record<TaskType, ViewShape> = {
  blackbox: { objectives: 1 },
  'multi-fidelity': { objectives: 1, fidelity: FIDELITY },
  'multi-objective': { objectives: 2 },
  'multi-fidelity-multi-objective': { objectives: 2, fidelity: FIDELITY },
};

/** The simplest task type a factory supports: its view for the per-space checks. */
export function primaryType(factory: Pick<OptimizerFactory, 'supports'>): TaskType {
  const order: TaskType[] = ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective'];
  return order.find((t) => factory.supports.includes(t)) ?? 'blackbox';
}

/**
 * All checks of one optimizer on one space and task type, in order:
 * 1. a full run of `nTrials` trials with crashes of every kind, each proposal valid as it arrives
 *    (bounds, active parameters, forbiddens, fidelity), and one more ask after the budget;
 * 2. the incumbent is a told successful trial;
 * 3. determinism: a second run with the same seed proposes the same trials;
 * 4. resume by replay: a run handed the first half of that record replays it without divergence
 *    and then proposes the same trials as the uninterrupted run.
 * Throws ConformanceFailure naming the check, the trial and the offending config.
 */
export async function conformanceCase(factory: OptimizerFactory, space: SearchSpace, type: TaskType, nTrials: number, label: string, options: Options = {}): Promise<void> {
  const view = viewFor(space, nTrials, SHAPES[type]);
  const where = `${factory.name} on ${label} (${type})`;
  const base = { factory, options, view, seed: CONFORMANCE_SEED, label: `${label} (${type})` };
  const first = await runConformance({ ...base, nTrials });
  if (first.loop.trials !== nTrials) fail(`${where}: the run ended after ${first.loop.trials} of ${nTrials} trials`);
  checkIncumbent(view, first.told, first.incumbent, where);

  const prefix = Math.min(Math.ceil(nTrials / 2), DETERMINISM_TRIALS);
  const second = await runConformance({ ...base, nTrials: prefix, askAfterBudget: false });
  const index = firstDifference(first.proposals.slice(0, prefix), second.proposals);
  if (index >= 0) fail(`${where}: not deterministic under a seed: trial ${index} was ${show(first.proposals[index])}, then ${show(second.proposals[index])}`);

  const kept = Math.floor(prefix / 2);
  const resumed = await runConformance({ ...base, nTrials: prefix, askAfterBudget: false, recorded: first.records.slice(0, kept) });
  if (resumed.loop.divergedAt !== null) {
    const at = resumed.loop.divergedAt;
    fail(`${where}: resume by replay diverged at trial ${at} of ${kept} replayed: the re-seeded optimizer proposed ${show(resumed.proposals[at])}, the record holds ${show(first.proposals[at])}`);
  }
  const after = firstDifference(first.proposals.slice(0, prefix), resumed.proposals);
  if (after >= 0) fail(`${where}: after replaying ${kept} trials the resumed run proposed ${show(resumed.proposals[after])} at trial ${after}, the uninterrupted run ${show(first.proposals[after])}`);
}

function show(info: TrialInfo | undefined): string {
  return JSON.stringify(info);
}
