/** yahpo_gym/benchmarks/iaml.py (v1.0.2). */
import { YAHPO_INSTANCES } from '../instances.js';
import { outputs, prefixed, XGBOOST_PARAMS, type YahpoScenario } from './layout.js';

const IAML_OUTPUTS = outputs(
  ['mmce', 'f1', 'auc', 'logloss', 'ramtrain', 'rammodel', 'rampredict', 'timetrain', 'timepredict', 'mec', 'ias', 'nf'],
  [true, false, false, true, true, true, true, true, true, true, true, true],
);

const RANGER = ['num.trees', 'sample.fraction', 'mtry.ratio', 'min.node.size', 'num.random.splits'];
const RPART = ['cp', 'maxdepth', 'minbucket', 'minsplit'];

type IamlName = 'iaml_glmnet' | 'iaml_ranger' | 'iaml_rpart' | 'iaml_xgboost' | 'iaml_super';

/** Every iaml learner: instance `task_id`, fidelity trainsize (the last x_cont column), runtime `timetrain`. */
function iaml(name: IamlName, learnerCats: readonly string[], learnerConts: readonly string[]): YahpoScenario {
  return {
    name,
    instanceParam: 'task_id',
    catNames: ['task_id', ...learnerCats],
    contNames: [...learnerConts, 'trainsize'],
    outputs: IAML_OUTPUTS,
    fidelityParams: ['trainsize'],
    runtimeName: 'timetrain',
    instances: YAHPO_INSTANCES[name],
  };
}

export const IAML_SCENARIOS: Readonly<Record<IamlName, YahpoScenario>> = {
  iaml_glmnet: iaml('iaml_glmnet', [], ['alpha', 's']),
  iaml_ranger: iaml('iaml_ranger', ['replace', 'respect.unordered.factors', 'splitrule'], RANGER),
  iaml_rpart: iaml('iaml_rpart', [], RPART),
  iaml_xgboost: iaml('iaml_xgboost', ['booster'], XGBOOST_PARAMS),
  iaml_super: iaml(
    'iaml_super',
    ['learner', 'ranger.replace', 'ranger.respect.unordered.factors', 'ranger.splitrule', 'xgboost.booster'],
    [...prefixed('ranger', RANGER), ...prefixed('rpart', RPART), ...prefixed('glmnet', ['alpha', 's']), ...prefixed('xgboost', XGBOOST_PARAMS)],
  ),
};
