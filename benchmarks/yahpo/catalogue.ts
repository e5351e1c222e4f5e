/**
 * The YAHPO tasks of CARP-S (carps/configs/task/YAHPO/**) for our scenarios, by the rules CARP-S
 * builds them with:
 *   blackbox          yahpo/{scenario}/{instance}/None                           every instance, one metric
 *   multi-fidelity    yahpo/{scenario}/{instance}/{fidelity}                     every instance and fidelity
 *   YAHPO-SO suite    yahpo/so/{scenario}/{instance}/None                        + the MF variants
 *                     yahpo/multifidelity/so/{fidelity}/{scenario}/{instance}/{fidelity}
 *   YAHPO-MO suite    yahpo/mo/{scenario}/{instance}/None                        two metrics
 *                     yahpo/MOMF/{fidelity}/{scenario}/{instance}/{fidelity}
 * The suite instances are yahpo_data's benchmark_suites/v1.0/single.json (SO) and CARP-S's MO selection.
 */
import { defaultNTrials, type TaskType } from '../../core/index.js';
import { optimizedParams, SCENARIO_NAMES, YAHPO_SCENARIOS, type ScenarioName } from './scenarios.js';

export interface YahpoTaskSpec {
  readonly id: string;
  readonly scenario: ScenarioName;
  readonly instance: string;
  /** The fidelity parameter the optimizer varies; every other fidelity is fixed at its maximum. */
  readonly fidelity?: string;
  /** Surrogate outputs that are the objectives, in order. */
  readonly metrics: readonly string[];
  readonly type: TaskType;
  readonly dimension: number;
  readonly nTrials: number;
}

/** CARP-S's metric for the single-objective tasks (blackbox/ and multifidelity/all/, SO/). */
const SINGLE_METRIC: Readonly<Record<ScenarioName, string>> = {
  lcbench: 'val_accuracy',
  rbv2_xgboost: 'acc',
  rbv2_rpart: 'acc',
  iaml_glmnet: 'f1',
};

const MO_METRICS: Readonly<Record<ScenarioName, readonly string[]>> = {
  lcbench: ['val_accuracy', 'val_cross_entropy'],
  rbv2_xgboost: ['acc', 'memory'],
  rbv2_rpart: ['acc', 'memory'],
  iaml_glmnet: ['mmce', 'nf'],
};

const SO_SUITE: Readonly<Record<ScenarioName, readonly string[]>> = {
  lcbench: ['167168', '189873', '189906'],
  rbv2_xgboost: ['12', '1501', '16', '40499'],
  rbv2_rpart: ['14', '40499'],
  iaml_glmnet: [],
};

const MO_SUITE: Readonly<Record<ScenarioName, readonly string[]>> = {
  lcbench: ['167152', '167185', '189873'],
  rbv2_xgboost: ['12', '182', '28'],
  rbv2_rpart: ['1476', '40499', '41163'],
  iaml_glmnet: ['1067', '1489'],
};

function specsOf(scenario: ScenarioName): YahpoTaskSpec[] {
  const { instances, fidelityParams } = YAHPO_SCENARIOS[scenario];
  const dimension = optimizedParams(YAHPO_SCENARIOS[scenario]).length;
  const spec = (id: string, instance: string, metrics: readonly string[], fidelity?: string): YahpoTaskSpec => {
    const mo = metrics.length > 1;
    const type: TaskType = fidelity ? (mo ? 'multi-fidelity-multi-objective' : 'multi-fidelity') : mo ? 'multi-objective' : 'blackbox';
    return { id, scenario, instance, fidelity, metrics, type, dimension, nTrials: defaultNTrials(dimension) };
  };
  const single = [SINGLE_METRIC[scenario]];
  const multi = MO_METRICS[scenario];
  return [
    ...instances.flatMap((i) => [
      spec(`yahpo/${scenario}/${i}/None`, i, single),
      ...fidelityParams.map((f) => spec(`yahpo/${scenario}/${i}/${f}`, i, single, f)),
    ]),
    ...SO_SUITE[scenario].flatMap((i) => [
      spec(`yahpo/so/${scenario}/${i}/None`, i, single),
      ...fidelityParams.map((f) => spec(`yahpo/multifidelity/so/${f}/${scenario}/${i}/${f}`, i, single, f)),
    ]),
    ...MO_SUITE[scenario].flatMap((i) => [
      spec(`yahpo/mo/${scenario}/${i}/None`, i, multi),
      ...fidelityParams.map((f) => spec(`yahpo/MOMF/${f}/${scenario}/${i}/${f}`, i, multi, f)),
    ]),
  ];
}

/** Every task, scenario by scenario. */
export const yahpoTaskSpecs: readonly YahpoTaskSpec[] = SCENARIO_NAMES.flatMap(specsOf);

export const yahpoTaskSpecById: ReadonlyMap<string, YahpoTaskSpec> = new Map(yahpoTaskSpecs.map((s) => [s.id, s]));
