/** yahpo_gym/benchmarks/rbv2.py (v1.0.2; `repl` is still a numeric input there, and f1 and memory are outputs). */
import { YAHPO_INSTANCES } from '../instances.js';
import { outputs, prefixed, XGBOOST_PARAMS, type YahpoScenario } from './layout.js';

const RBV2_OUTPUTS = outputs(
  ['acc', 'bac', 'auc', 'brier', 'f1', 'logloss', 'timetrain', 'timepredict', 'memory'],
  [false, false, false, true, true, true, true, true, true],
);

type Rbv2Name = 'rbv2_xgboost' | 'rbv2_rpart' | 'rbv2_svm' | 'rbv2_ranger' | 'rbv2_glmnet' | 'rbv2_aknn' | 'rbv2_super';

/** Every rbv2 learner: instance `task_id`, fidelities trainsize and repl (the last two x_cont columns), runtime `timetrain`. */
function rbv2(name: Rbv2Name, learnerCats: readonly string[], learnerConts: readonly string[]): YahpoScenario {
  return {
    name,
    instanceParam: 'task_id',
    catNames: ['task_id', ...learnerCats, 'num.impute.selected.cpo'],
    contNames: [...learnerConts, 'trainsize', 'repl'],
    outputs: RBV2_OUTPUTS,
    fidelityParams: ['trainsize', 'repl'],
    runtimeName: 'timetrain',
    instances: YAHPO_INSTANCES[name],
  };
}

export const RBV2_SCENARIOS: Readonly<Record<Rbv2Name, YahpoScenario>> = {
  rbv2_xgboost: rbv2('rbv2_xgboost', ['booster'], XGBOOST_PARAMS),
  rbv2_rpart: rbv2('rbv2_rpart', [], ['cp', 'maxdepth', 'minbucket', 'minsplit']),
  rbv2_svm: rbv2('rbv2_svm', ['kernel'], ['cost', 'gamma', 'tolerance', 'degree']),
  rbv2_ranger: rbv2('rbv2_ranger', ['respect.unordered.factors', 'splitrule'], ['num.trees', 'sample.fraction', 'mtry.power', 'min.node.size', 'num.random.splits']),
  rbv2_glmnet: rbv2('rbv2_glmnet', [], ['alpha', 's']),
  rbv2_aknn: rbv2('rbv2_aknn', ['distance'], ['k', 'M', 'ef', 'ef_construction']),
  rbv2_super: rbv2(
    'rbv2_super',
    ['learner_id', 'svm.kernel', 'ranger.respect.unordered.factors', 'ranger.splitrule', 'aknn.distance', 'xgboost.booster'],
    [
      ...prefixed('svm', ['cost', 'gamma', 'tolerance', 'degree']),
      ...prefixed('glmnet', ['alpha', 's']),
      ...prefixed('rpart', ['cp', 'maxdepth', 'minbucket', 'minsplit']),
      ...prefixed('ranger', ['num.trees', 'sample.fraction', 'mtry.power', 'min.node.size', 'num.random.splits']),
      ...prefixed('aknn', ['k', 'M', 'ef', 'ef_construction']),
      ...prefixed('xgboost', XGBOOST_PARAMS),
    ],
  ),
};
