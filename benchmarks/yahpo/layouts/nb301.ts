/**
 * yahpo_gym/benchmarks/nb301.py (v1.0.2): NAS-Bench-301's DARTS cell on CIFAR10. There is no instance
 * parameter (`instance_names: None`, `instances: ['CIFAR10']`); its `drop_predict: 'dataset'` names no
 * input column, so every one of the 34 architecture choices is an `x_cat` column and `epoch` the only `x_cont`.
 */
import { YAHPO_INSTANCES } from '../instances.js';
import { outputs, type YahpoScenario } from './layout.js';

const PREFIX = 'NetworkSelectorDatasetInfo_COLON_darts_COLON_';
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);

export const NB301: YahpoScenario = {
  name: 'nb301',
  catNames: [
    ...range(14).map((i) => `${PREFIX}edge_normal_${i}`),
    ...range(14).map((i) => `${PREFIX}edge_reduce_${i}`),
    ...range(3, 3).map((i) => `${PREFIX}inputs_node_normal_${i}`),
    ...range(3, 3).map((i) => `${PREFIX}inputs_node_reduce_${i}`),
  ],
  contNames: ['epoch'],
  outputs: outputs(['val_accuracy', 'runtime'], [false, true]),
  fidelityParams: ['epoch'],
  runtimeName: 'runtime',
  instances: YAHPO_INSTANCES.nb301,
};
