import type { OptimizerFactory, Options, SearchSpace, TaskType, TrialInfo } from '../../core/index.js';
import { checkIncumbent, fail, firstDifference } from './checks.js';
import { runConformance, type ConformanceRecord } from './driver.js';
import { trialSeed } from '../runLoop.js';
import { FIDELITY, viewFor, type ViewShape } from './syntheticTask.js';

/** Trials re-run for the determinism and resume check: a prefix of the full run (half, at most 30) keeps slow optimizers fast. */
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
 * 3. determinism and resume by replay: a second run with the same seed, handed the first part of
 *    the record like a resumed run, replays it without diverging and then proposes the same
 *    trials as the uninterrupted run.
 * With `parallelTrials` K > 1 (optimizers that declare supportsPending) the same checks run
 * with K trials in flight: asks before tells, tells out of ask order, resume of a record kept
 * in tell order.
 * Throws ConformanceFailure naming the check, the trial and the offending config.
 */
export async function conformanceCase(factory: OptimizerFactory, space: SearchSpace, type: TaskType, nTrials: number, label: string, options: Options = {}, parallelTrials = 1): Promise<void> {
  const view = viewFor(space, nTrials, SHAPES[type]);
  const where = `${factory.name} on ${label} (${type})`;
  const base = { factory, options, view, seed: CONFORMANCE_SEED, label: `${label} (${type})`, parallelTrials };
  const first = await runConformance({ ...base, nTrials });
  if (first.loop.trials !== nTrials) fail(`${where}: the run ended after ${first.loop.trials} of ${nTrials} trials`);
  checkIncumbent(view, first.told, first.incumbent, where);
  if (parallelTrials > 1) checkToldOutOfOrder(first, where);

  // One re-run checks determinism and resume together: re-created with the same seed, it first
  // replays half of the record as a resumed run does (told the stored results, nothing evaluated),
  // then continues live; its proposals must equal the uninterrupted run's throughout.
  const prefix = Math.min(Math.ceil(nTrials / 2), DETERMINISM_TRIALS);
  // With K in flight, the trial told k-th was asked by ask k + K - 1 at the latest: keep only what the shorter run asks.
  const kept = Math.max(0, Math.min(Math.floor(prefix / 2), prefix - parallelTrials));
  const second = await runConformance({ ...base, nTrials: prefix, askAfterBudget: false, recorded: first.records.slice(0, kept) });
  const index = firstDifference(first.proposals.slice(0, prefix), second.proposals);
  if (index >= 0) {
    const phase = index < kept ? `while replaying the first ${kept} trials from the record, as a resumed run does` : `after replaying ${kept} recorded trials`;
    fail(`${where}: not deterministic under a seed: trial ${index} was ${show(first.proposals[index])}, then ${show(second.proposals[index])} (second run with the same seed, ${phase})`);
  }
  if (second.loop.replayed !== kept) fail(`${where}: resume by replay: ${second.loop.replayed} of ${kept} recorded trials were replayed (diverged at trial ${second.loop.divergedAt})`);
}

/**
 * Each ask was told once, and some tells came out of ask order (the point of K > 1). Trials are
 * known by the seed the run loop gives the k-th ask (an optimizer that sets its own seeds is not checked).
 */
function checkToldOutOfOrder(record: ConformanceRecord, where: string): void {
  const askIndex = new Map(record.proposals.map((_, k) => [trialSeed(CONFORMANCE_SEED, k), k]));
  const order = record.told.map(({ info }) => (info.seed === undefined ? undefined : askIndex.get(info.seed)));
  if (order.some((k) => k === undefined)) return;
  if (new Set(order).size !== order.length) fail(`${where}: with trials in flight, an ask was told twice`);
  if (order.every((k, i) => i === 0 || (k as number) > (order[i - 1] as number))) fail(`${where}: with trials in flight, no tell came out of ask order (the simulated clock did not reorder)`);
}

function show(info: TrialInfo | undefined): string {
  return JSON.stringify(info);
}
