/** yahpo_gym/benchmarks/lcbench.py (v1.0.2). */
import { YAHPO_INSTANCES } from '../instances.js';
import { outputs, type YahpoScenario } from './layout.js';

export const LCBENCH: YahpoScenario = {
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
};
