/**
 * The YAHPO tasks of CARP-S (carps/configs/task/YAHPO/**, 2,615 ids over 14 scenarios), by the rules CARP-S
 * builds them with:
 *   blackbox          yahpo/{scenario}/{instance}/None                           every instance, one metric
 *   multi-fidelity    yahpo/{scenario}/{instance}/{fidelity}                     every instance and fidelity
 *   YAHPO-SO suite    yahpo/so/{scenario}/{instance}/None                        + the MF variants
 *                     yahpo/multifidelity/so/{fidelity}/{scenario}/{instance}/{fidelity}
 *   YAHPO-MO suite    yahpo/mo/{scenario}/{instance}/None                        two to four metrics
 *                     yahpo/MOMF/{fidelity}/{scenario}/{instance}/{fidelity}
 * The suite instances are yahpo_data's benchmark_suites/v1.0/{single,multi}.json, as CARP-S selects them.
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

/** What CARP-S selects from a scenario (carps/configs/task/YAHPO/**): its metrics and the instances of the two suites. */
interface CarpsSelection {
  /** The metric of the single-objective tasks (blackbox/, multifidelity/ and the SO suite). */
  readonly single: string;
  /** The metrics of the MO suite (yahpo_data's benchmark_suites/v1.0/multi.json; for iaml_xgboost CARP-S takes its four-metric entry). */
  readonly multi: readonly string[];
  /** YAHPO-SO suite instances (benchmark_suites/v1.0/single.json). */
  readonly soSuite: readonly string[];
  /** YAHPO-MO suite instances. */
  readonly moSuite: readonly string[];
}

const IAML_MO = ['mmce', 'nf', 'ias'];

const CARPS: Readonly<Record<ScenarioName, CarpsSelection>> = {
  lcbench: { single: 'val_accuracy', multi: ['val_accuracy', 'val_cross_entropy'], soSuite: ['167168', '189873', '189906'], moSuite: ['167152', '167185', '189873'] },
  rbv2_xgboost: { single: 'acc', multi: ['acc', 'memory'], soSuite: ['12', '1501', '16', '40499'], moSuite: ['12', '182', '28'] },
  rbv2_rpart: { single: 'acc', multi: ['acc', 'memory'], soSuite: ['14', '40499'], moSuite: ['1476', '40499', '41163'] },
  iaml_glmnet: { single: 'f1', multi: ['mmce', 'nf'], soSuite: [], moSuite: ['1067', '1489'] },
  rbv2_svm: { single: 'acc', multi: [], soSuite: [], moSuite: [] },
  rbv2_ranger: { single: 'acc', multi: ['acc', 'memory'], soSuite: ['16', '42'], moSuite: ['375', '40979', '6'] },
  rbv2_glmnet: { single: 'acc', multi: [], soSuite: ['375', '458'], moSuite: [] },
  rbv2_aknn: { single: 'acc', multi: [], soSuite: [], moSuite: [] },
  rbv2_super: { single: 'acc', multi: ['acc', 'memory'], soSuite: ['1053', '1063', '1457', '1468', '1479', '15'], moSuite: ['1053', '1457', '6'] },
  iaml_ranger: { single: 'f1', multi: IAML_MO, soSuite: [], moSuite: ['1067', '1489'] },
  iaml_rpart: { single: 'f1', multi: [], soSuite: [], moSuite: [] },
  iaml_xgboost: { single: 'f1', multi: [...IAML_MO, 'rammodel'], soSuite: [], moSuite: ['1489', '40981'] },
  iaml_super: { single: 'f1', multi: IAML_MO, soSuite: [], moSuite: ['1067', '1489'] },
  nb301: { single: 'val_accuracy', multi: [], soSuite: ['CIFAR10'], moSuite: [] },
};

function specsOf(scenario: ScenarioName): YahpoTaskSpec[] {
  const { instances, fidelityParams } = YAHPO_SCENARIOS[scenario];
  const dimension = optimizedParams(YAHPO_SCENARIOS[scenario]).length;
  const spec = (id: string, instance: string, metrics: readonly string[], fidelity?: string): YahpoTaskSpec => {
    const mo = metrics.length > 1;
    const type: TaskType = fidelity ? (mo ? 'multi-fidelity-multi-objective' : 'multi-fidelity') : mo ? 'multi-objective' : 'blackbox';
    return { id, scenario, instance, fidelity, metrics, type, dimension, nTrials: defaultNTrials(dimension) };
  };
  const { soSuite, moSuite, multi } = CARPS[scenario];
  const single = [CARPS[scenario].single];
  return [
    ...instances.flatMap((i) => [
      spec(`yahpo/${scenario}/${i}/None`, i, single),
      ...fidelityParams.map((f) => spec(`yahpo/${scenario}/${i}/${f}`, i, single, f)),
    ]),
    ...soSuite.flatMap((i) => [
      spec(`yahpo/so/${scenario}/${i}/None`, i, single),
      ...fidelityParams.map((f) => spec(`yahpo/multifidelity/so/${f}/${scenario}/${i}/${f}`, i, single, f)),
    ]),
    ...moSuite.flatMap((i) => [
      spec(`yahpo/mo/${scenario}/${i}/None`, i, multi),
      ...fidelityParams.map((f) => spec(`yahpo/MOMF/${f}/${scenario}/${i}/${f}`, i, multi, f)),
    ]),
  ];
}

/** Every task, scenario by scenario. */
export const yahpoTaskSpecs: readonly YahpoTaskSpec[] = SCENARIO_NAMES.flatMap(specsOf);

export const yahpoTaskSpecById: ReadonlyMap<string, YahpoTaskSpec> = new Map(yahpoTaskSpecs.map((s) => [s.id, s]));
