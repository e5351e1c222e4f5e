/** The shape of a yahpo_gym scenario description (its config_dict entry), shared by the files of this folder. */
import type { YAHPO_INSTANCES } from '../instances.js';

export type ScenarioName = keyof typeof YAHPO_INSTANCES;

export interface YahpoOutput {
  readonly name: string;
  readonly minimize: boolean;
}

export interface YahpoScenario {
  readonly name: ScenarioName;
  /** The parameter that selects the instance (dataset); never optimized. nb301 has none (one instance, not a model input). */
  readonly instanceParam?: string;
  /** Columns of the model's `x_cat` input, in order (yahpo_gym `cat_names`; no scenario here drops any). */
  readonly catNames: readonly string[];
  /** Columns of the model's `x_cont` input, in order (yahpo_gym `cont_names`). */
  readonly contNames: readonly string[];
  /** Columns of the model's `output`, in order (yahpo_gym `y_names`), with yahpo_gym's `y_minimize`. */
  readonly outputs: readonly YahpoOutput[];
  /** Fidelity parameters (yahpo_gym `fidelity_params`); never optimized. */
  readonly fidelityParams: readonly string[];
  /** The output that is the evaluation's runtime in seconds (yahpo_gym `runtime_name`). */
  readonly runtimeName: string;
  readonly instances: readonly string[];
}

/** y_names zipped with y_minimize. */
export function outputs(names: readonly string[], minimize: readonly boolean[]): readonly YahpoOutput[] {
  return names.map((name, i) => ({ name, minimize: minimize[i] }));
}

/** xgboost's numeric parameters, in yahpo_gym's order (rbv2_xgboost, iaml_xgboost and the xgboost block of the super scenarios). */
export const XGBOOST_PARAMS: readonly string[] = [
  'nrounds', 'eta', 'gamma', 'lambda', 'alpha', 'subsample', 'max_depth', 'min_child_weight', 'colsample_bytree', 'colsample_bylevel', 'rate_drop', 'skip_drop',
];

/** A learner's parameters as the super scenarios name them: `learner.param`. */
export const prefixed = (learner: string, names: readonly string[]): string[] => names.map((n) => `${learner}.${n}`);
