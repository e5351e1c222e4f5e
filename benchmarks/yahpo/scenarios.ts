/**
 * What yahpo_gym 1.0.x knows about each scenario (yahpo_gym/benchmarks/{lcbench,rbv2,iaml,nb301}.py):
 * the surrogate's input layout, its outputs and which parameters are the instance and the fidelities.
 * The input order is yahpo_gym's `cat_names` / `cont_names`, not the order of config_space.json.
 * One file per yahpo_gym module under layouts/; this file is the registry.
 */
import { IAML_SCENARIOS } from './layouts/iaml.js';
import { LCBENCH } from './layouts/lcbench.js';
import { NB301 } from './layouts/nb301.js';
import { RBV2_SCENARIOS } from './layouts/rbv2.js';

export { outputs, type ScenarioName, type YahpoOutput, type YahpoScenario } from './layouts/layout.js';
import type { ScenarioName, YahpoScenario } from './layouts/layout.js';

/** The four scenarios first: listing order (and so the order globs expand in) is unchanged for them. */
export const YAHPO_SCENARIOS: Readonly<Record<ScenarioName, YahpoScenario>> = {
  lcbench: LCBENCH,
  rbv2_xgboost: RBV2_SCENARIOS.rbv2_xgboost,
  rbv2_rpart: RBV2_SCENARIOS.rbv2_rpart,
  iaml_glmnet: IAML_SCENARIOS.iaml_glmnet,
  rbv2_svm: RBV2_SCENARIOS.rbv2_svm,
  rbv2_ranger: RBV2_SCENARIOS.rbv2_ranger,
  rbv2_glmnet: RBV2_SCENARIOS.rbv2_glmnet,
  rbv2_aknn: RBV2_SCENARIOS.rbv2_aknn,
  rbv2_super: RBV2_SCENARIOS.rbv2_super,
  iaml_ranger: IAML_SCENARIOS.iaml_ranger,
  iaml_rpart: IAML_SCENARIOS.iaml_rpart,
  iaml_xgboost: IAML_SCENARIOS.iaml_xgboost,
  iaml_super: IAML_SCENARIOS.iaml_super,
  nb301: NB301,
};

export const SCENARIO_NAMES = Object.keys(YAHPO_SCENARIOS) as ScenarioName[];

/** Hyperparameters an optimizer sees: every input except the instance and the fidelities. */
export function optimizedParams(scenario: YahpoScenario): string[] {
  return [...scenario.catNames, ...scenario.contNames].filter(
    (name) => name !== scenario.instanceParam && !scenario.fidelityParams.includes(name),
  );
}
