/**
 * What yahpo_gym 1.0.x knows about each scenario we ship (yahpo_gym/benchmarks/{lcbench,rbv2,iaml}.py):
 * the surrogate's input layout, its outputs and which parameters are the instance and the fidelities.
 * The input order is yahpo_gym's `cat_names` / `cont_names`, not the order of config_space.json.
 */
import { YAHPO_INSTANCES } from './instances.js';

export type ScenarioName = keyof typeof YAHPO_INSTANCES;

export interface YahpoScenario {
  readonly name: ScenarioName;
  /** The parameter that selects the instance (dataset); never optimized. */
  readonly instanceParam: string;
  /** Columns of the model's `x_cat` input, in order (yahpo_gym `cat_names`; no scenario here drops any). */
  readonly catNames: readonly string[];
  /** Columns of the model's `x_cont` input, in order (yahpo_gym `cont_names`). */
  readonly contNames: readonly string[];
  /** Columns of the model's `output`, in order (yahpo_gym `y_names`), with yahpo_gym's `y_minimize`. */
  readonly outputs: readonly { readonly name: string; readonly minimize: boolean }[];
  /** Fidelity parameters (yahpo_gym `fidelity_params`); never optimized. */
  readonly fidelityParams: readonly string[];
  /** The output that is the evaluation's runtime in seconds (yahpo_gym `runtime_name`). */
  readonly runtimeName: string;
  readonly instances: readonly string[];
}

function outputs(names: readonly string[], minimize: readonly boolean[]): YahpoScenario['outputs'] {
  return names.map((name, i) => ({ name, minimize: minimize[i] }));
}

const RBV2_OUTPUTS = outputs(
  ['acc', 'bac', 'auc', 'brier', 'f1', 'logloss', 'timetrain', 'timepredict', 'memory'],
  [false, false, false, true, true, true, true, true, true],
);

const IAML_OUTPUTS = outputs(
  ['mmce', 'f1', 'auc', 'logloss', 'ramtrain', 'rammodel', 'rampredict', 'timetrain', 'timepredict', 'mec', 'ias', 'nf'],
  [true, false, false, true, true, true, true, true, true, true, true, true],
);

export const YAHPO_SCENARIOS: Readonly<Record<ScenarioName, YahpoScenario>> = {
  lcbench: {
    name: 'lcbench',
    instanceParam: 'OpenML_task_id',
    catNames: ['OpenML_task_id'],
    contNames: ['epoch', 'batch_size', 'learning_rate', 'momentum', 'weight_decay', 'num_layers', 'max_units', 'max_dropout'],
    outputs: outputs(
      ['time', 'val_accuracy', 'val_cross_entropy', 'val_balanced_accuracy', 'test_cross_entropy', 'test_balanced_accuracy'],
      [true, false, true, false, true, false],
    ),
    fidelityParams: ['epoch'],
    runtimeName: 'time',
    instances: YAHPO_INSTANCES.lcbench,
  },
  rbv2_xgboost: {
    name: 'rbv2_xgboost',
    instanceParam: 'task_id',
    catNames: ['task_id', 'booster', 'num.impute.selected.cpo'],
    contNames: [
      'nrounds', 'eta', 'gamma', 'lambda', 'alpha', 'subsample', 'max_depth', 'min_child_weight',
      'colsample_bytree', 'colsample_bylevel', 'rate_drop', 'skip_drop', 'trainsize', 'repl',
    ],
    outputs: RBV2_OUTPUTS,
    fidelityParams: ['trainsize', 'repl'],
    runtimeName: 'timetrain',
    instances: YAHPO_INSTANCES.rbv2_xgboost,
  },
  rbv2_rpart: {
    name: 'rbv2_rpart',
    instanceParam: 'task_id',
    catNames: ['task_id', 'num.impute.selected.cpo'],
    contNames: ['cp', 'maxdepth', 'minbucket', 'minsplit', 'trainsize', 'repl'],
    outputs: RBV2_OUTPUTS,
    fidelityParams: ['trainsize', 'repl'],
    runtimeName: 'timetrain',
    instances: YAHPO_INSTANCES.rbv2_rpart,
  },
  iaml_glmnet: {
    name: 'iaml_glmnet',
    instanceParam: 'task_id',
    catNames: ['task_id'],
    contNames: ['alpha', 's', 'trainsize'],
    outputs: IAML_OUTPUTS,
    fidelityParams: ['trainsize'],
    runtimeName: 'timetrain',
    instances: YAHPO_INSTANCES.iaml_glmnet,
  },
};

export const SCENARIO_NAMES = Object.keys(YAHPO_SCENARIOS) as ScenarioName[];

/** Hyperparameters an optimizer sees: every input except the instance and the fidelities. */
export function optimizedParams(scenario: YahpoScenario): string[] {
  return [...scenario.catNames, ...scenario.contNames].filter(
    (name) => name !== scenario.instanceParam && !scenario.fidelityParams.includes(name),
  );
}
