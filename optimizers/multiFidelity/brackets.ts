import type { FidelityLadder } from './fidelityLadder.js';

/** One Successive Halving bracket: how many configurations each rung runs, and at which budget. */
export interface BracketPlan {
  readonly sizes: readonly number[];
  readonly budgets: readonly number[];
}

/**
 * How many configurations a bracket starts with.
 * - 'hyperband': Li et al. (2018) and SMAC3, n = ceil((sMax + 1) / (s + 1) * eta^s), rung i runs floor(n eta^-i);
 * - 'hpbandster': HpBandSter's BOHB and DEHB, n = floor((sMax + 1) / (s + 1)) * eta^s, rung i runs max(1, floor(n eta^-i)).
 */
export type BracketFormula = 'hyperband' | 'hpbandster';

const SLACK = 1e-9;

/** The bracket with s halvings (s = sMax is the most aggressive one). */
export function hyperbandBracket(ladder: FidelityLadder, s: number, formula: BracketFormula): BracketPlan {
  const { eta, sMax } = ladder;
  const n = formula === 'hyperband' ? Math.ceil(((sMax + 1) / (s + 1)) * Math.pow(eta, s) - SLACK) : Math.floor((sMax + 1) / (s + 1)) * Math.pow(eta, s);
  const sizes = Array.from({ length: s + 1 }, (_, i) => Math.max(1, Math.floor(n * Math.pow(eta, -i) + SLACK)));
  return { sizes, budgets: ladder.budgets.slice(sMax - s) };
}

/** Hyperband's cycle: iteration t runs the bracket with s = sMax - (t mod (sMax + 1)). */
export function hyperbandSchedule(ladder: FidelityLadder, formula: BracketFormula): (iteration: number) => BracketPlan {
  const plans = Array.from({ length: ladder.sMax + 1 }, (_, t) => hyperbandBracket(ladder, ladder.sMax - t, formula));
  return (iteration) => plans[iteration % plans.length];
}

/** Successive Halving: the most aggressive bracket (eta^sMax configurations at the smallest budget), repeated. */
export function successiveHalvingSchedule(ladder: FidelityLadder): (iteration: number) => BracketPlan {
  const plan = hyperbandBracket(ladder, ladder.sMax, 'hyperband');
  return () => plan;
}
