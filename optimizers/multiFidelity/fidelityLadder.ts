import { SpecError, type Fidelity, type OptionSpec, type Options, type TaskView } from '../../core/index.js';

/**
 * The budgets a Hyperband-style method runs configurations at, from the cheapest level to the
 * full one: level k = 0..sMax has budget max * eta^-(sMax - k), with sMax = floor(log_eta(max / min))
 * (Li et al. 2018; SMAC3's _get_max_iterations; DEHB's and HpBandSter's max_SH_iter - 1).
 * Integer fidelities are rounded to the nearest integer inside [min, max].
 */
export interface FidelityLadder {
  readonly eta: number;
  readonly sMax: number;
  readonly budgets: readonly number[];
}

/** Tolerance of the logarithm: log(27) / log(3) must count as 3 halvings, not 2.9999999999999996. */
const LOG_SLACK = 1e-9;

export function fidelityLadder(eta: number, min: number, max: number, integer: boolean): FidelityLadder {
  const sMax = Math.max(0, Math.floor(Math.log(max / min) / Math.log(eta) + LOG_SLACK));
  const budgets = Array.from({ length: sMax + 1 }, (_, k) => {
    const b = max * Math.pow(eta, -(sMax - k));
    return integer ? Math.min(max, Math.max(Math.ceil(min), Math.round(b))) : Math.min(max, Math.max(min, b));
  });
  budgets[sMax] = max;
  return { eta, sMax, budgets };
}

/** Options every bracket-based optimizer shares: eta and the budget range (default: the task's fidelity range). */
export const FIDELITY_RANGE_OPTIONS: Readonly<Record<'eta' | 'min_fidelity' | 'max_fidelity', OptionSpec>> = {
  eta: { type: 'integer', default: 3, min: 2, description: 'Halving rate: each rung keeps the best 1/eta and multiplies the budget by eta (SMAC3, DEHB, HpBandSter: 3).' },
  min_fidelity: { type: 'number', default: null, description: "Smallest budget a configuration is run at (null: the task's minimum fidelity); must lie in the task's fidelity range." },
  max_fidelity: {
    type: 'number',
    default: null,
    description: "Largest budget (null: the task's maximum fidelity); must lie in the task's fidelity range. Only trials at the task's maximum count towards the incumbent.",
  },
};

/** The task's fidelity, or a clear error for a factory created on a task without one. */
export function requireFidelity(view: TaskView, optimizer: string): Fidelity {
  if (!view.fidelity) throw new SpecError(`Optimizer '${optimizer}' needs a multi-fidelity task (one with a fidelity), got a ${view.type} task.`);
  return view.fidelity;
}

/** The ladder from the resolved options eta / min_fidelity / max_fidelity, checked against the task's fidelity. */
export function ladderFromOptions(view: TaskView, options: Options, optimizer: string): FidelityLadder {
  const fidelity = requireFidelity(view, optimizer);
  const pick = (key: 'min_fidelity' | 'max_fidelity', fallback: number): number => {
    const value = options[key];
    if (value === null || value === undefined) return fallback;
    const v = value as number;
    if (!(v >= fidelity.min && v <= fidelity.max)) {
      throw new SpecError(`Option '${key}' of optimizer '${optimizer}' must lie in the task's fidelity range [${fidelity.min}, ${fidelity.max}] (${fidelity.name}), got ${v}.`);
    }
    return v;
  };
  const min = pick('min_fidelity', fidelity.min);
  const max = pick('max_fidelity', fidelity.max);
  if (!(min > 0)) throw new SpecError(`Optimizer '${optimizer}' needs a positive smallest budget; the task's fidelity ${fidelity.name} starts at ${fidelity.min}: set option 'min_fidelity'.`);
  if (min > max) throw new SpecError(`Option 'min_fidelity' (${min}) of optimizer '${optimizer}' must not exceed 'max_fidelity' (${max}).`);
  const eta = (options.eta as number | undefined) ?? 3;
  return fidelityLadder(eta, min, max, fidelity.integer);
}
