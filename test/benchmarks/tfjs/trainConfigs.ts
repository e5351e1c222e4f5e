import type { MlpConfig } from '../../../benchmarks/tfjs/mlpConfig.js';

/** Small configurations that exercise dropout, weight decay and each optimizer's state. */
export const SMALL_CONFIGS: Record<string, MlpConfig> = {
  adamDropout: { learningRate: 0.01, batchSize: 16, layers: 2, units: 16, dropout: 0.2, weightDecay: 1e-3, activation: 'relu', optimizer: 'adam', momentum: 0 },
  sgdMomentum: { learningRate: 0.05, batchSize: 32, layers: 1, units: 12, dropout: 0, weightDecay: 1e-4, activation: 'tanh', optimizer: 'sgd', momentum: 0.9 },
  rmspropMomentum: { learningRate: 0.003, batchSize: 24, layers: 2, units: 8, dropout: 0.1, weightDecay: 0, activation: 'elu', optimizer: 'rmsprop', momentum: 0.5 },
};
