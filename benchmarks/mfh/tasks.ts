/** The 8 MF-Hartmann tasks of CARP-S (mfpbench/SO/mfh/...) and how each is built. */
import { InvalidConfigError, SearchSpace, type Fidelity, type Task, type TrialInfo, type TrialValue, type Value } from '../../core/index.js';
import { coordinateName, vectorTask } from '../vectorTask.js';
import { fidelityCost, hartmann3, hartmann6, mfHartmann, MFH_DEFAULT_SEED, MFH_MAX_FIDELITY, MFH_MIN_FIDELITY, type HartmannFunction } from './hartmann.js';

export const MFH_PREFIX = 'mfpbench/SO/mfh/';

export type CorrelationLevel = 'good' | 'moderate' | 'bad' | 'terrible';

/** (bias, noise) per level: mf-prior-bench's MFHartmann{3,6}Benchmark{Good,...}.mfh_bias_noise. */
export const BIAS_NOISE: Readonly<Record<CorrelationLevel, readonly [number, number]>> = {
  good: [2.5, 2.0],
  moderate: [3.0, 3.0],
  bad: [3.5, 4.0],
  terrible: [4.0, 5.0],
};

export interface MfhSpec {
  /** mf-prior-bench benchmark name, e.g. mfh3_good. */
  readonly name: string;
  readonly fn: HartmannFunction;
  readonly level: CorrelationLevel;
  /** CARP-S n_trials. */
  readonly nTrials: number;
}

const N_TRIALS: Readonly<Record<3 | 6, number>> = { 3: 90, 6: 118 };

export const mfhSpecs: readonly MfhSpec[] = [hartmann3, hartmann6].flatMap((fn) =>
  (['good', 'moderate', 'bad', 'terrible'] as const).map((level) => ({
    name: `mfh${fn.dims}_${level}`, fn, level, nTrials: N_TRIALS[fn.dims],
  })));

/** mf-prior-bench's fidelity: z, integer, 1..100. */
export const MFH_FIDELITY: Fidelity = { name: 'z', min: MFH_MIN_FIDELITY, max: MFH_MAX_FIDELITY, integer: true };

/** mf-prior-bench names the coordinates X_0, X_1, ... */
function mfhParameterName(i: number): string {
  return `X_${i}`;
}

/** The fidelity CARP-S queries: absent means the maximum; otherwise int(budget), which must lie in [1, 100]. */
function fidelityOf(id: string, fidelity: number | undefined): number {
  if (fidelity === undefined) return MFH_MAX_FIDELITY;
  if (!Number.isFinite(fidelity) || fidelity < MFH_MIN_FIDELITY || fidelity > MFH_MAX_FIDELITY) {
    throw new InvalidConfigError(`Task '${id}' needs fidelity z in [${MFH_MIN_FIDELITY}, ${MFH_MAX_FIDELITY}], got ${fidelity}.`);
  }
  return Math.trunc(fidelity);
}

export function mfhTask(spec: MfhSpec): Task {
  const id = MFH_PREFIX + spec.name;
  const d = spec.fn.dims;
  const [bias, noise] = BIAS_NOISE[spec.level];
  const names = Array.from({ length: d }, (_, i) => mfhParameterName(i));
  const base = vectorTask({
    id,
    lower: new Array<number>(d).fill(0),
    upper: new Array<number>(d).fill(1),
    objectives: [{ name: 'value', direction: 'minimize' }],
    fidelity: MFH_FIDELITY,
    budget: { nTrials: spec.nTrials },
    metadata: {
      collection: 'mfh',
      kind: 'synthetic',
      optimum: spec.fn.optimumValue,
      optimumConfig: Object.fromEntries(spec.fn.optimumConfig.map((v, i) => [names[i], v])),
      source: `mfpbench MFHartmann${d}Benchmark${spec.level[0].toUpperCase()}${spec.level.slice(1)} (${spec.name})`,
      bias,
      noise,
    },
    evaluate: (x, z, seed) => mfHartmann(spec.fn, x, z ?? MFH_MAX_FIDELITY, bias, noise, seed ?? MFH_DEFAULT_SEED),
  });
  const space = new SearchSpace({
    hyperparameters: names.map((name) => ({ type: 'float' as const, name, lower: 0, upper: 1, log: false, default: 0.5 })),
  });
  return {
    ...base,
    // mfpbench's fidelity cost, reported as virtual time, is the trial's duration on the simulated clock.
    simulatedTime: { source: 'virtual' },
    space,
    evaluate(trial: TrialInfo): TrialValue | Promise<TrialValue> {
      const vector: Record<string, Value> = {};
      names.forEach((name, i) => {
        const v = trial.config[name];
        if (typeof v !== 'number') {
          throw new InvalidConfigError(`Task '${id}' needs numeric parameter '${name}' (in [0, 1]), got ${JSON.stringify(v)}.`);
        }
        vector[coordinateName(i)] = v;
      });
      const z = fidelityOf(id, trial.fidelity);
      const withCost = (value: TrialValue): TrialValue => ({ ...value, virtualTime: fidelityCost(z), info: { fid_cost: fidelityCost(z), z } });
      const value = base.evaluate({ ...trial, config: vector, fidelity: z });
      return value instanceof Promise ? value.then(withCost) : withCost(value);
    },
  };
}
