import * as aq from 'arquero';
import type { RunOutcome } from './curves.js';

/** Per-run summaries: status, trials, why it is (not) analysed, final incumbent raw and normalized. */
export function runTable(outcomes: readonly RunOutcome[], finalValues: ReadonlyMap<number, number>): aq.ColumnTable {
  return aq.table({
    run_id: outcomes.map((o) => o.run.run_id), optimizer: outcomes.map((o) => o.run.optimizer), task: outcomes.map((o) => o.run.task),
    seed: outcomes.map((o) => o.run.seed), status: outcomes.map((o) => o.run.status), n_trials: outcomes.map((o) => o.run.n_trials),
    trials: outcomes.map((o) => o.trials), ok_trials: outcomes.map((o) => o.okTrials), budget_used: outcomes.map((o) => o.run.budget_used),
    inclusion: outcomes.map((o) => o.inclusion), final_raw: outcomes.map((o) => o.finalRaw),
    final_value: outcomes.map((o) => finalValues.get(o.run.run_id) ?? null), hypervolume: outcomes.map((o) => o.hypervolume ?? null),
    igd_plus: outcomes.map((o) => o.igdPlus ?? null), front_size: outcomes.map((o) => o.front?.length ?? null),
    error: outcomes.map((o) => o.run.error),
  });
}
