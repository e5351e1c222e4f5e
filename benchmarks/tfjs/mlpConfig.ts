import type { Config } from '../../core/index.js';

export type Activation = 'relu' | 'tanh' | 'elu';
export type OptimizerKind = 'adam' | 'sgd' | 'rmsprop';

/** A configuration of the MLP search space (space.ts), typed. */
export interface MlpConfig {
  readonly learningRate: number;
  readonly batchSize: number;
  readonly layers: number;
  readonly units: number;
  readonly dropout: number;
  readonly weightDecay: number;
  readonly activation: Activation;
  readonly optimizer: OptimizerKind;
  /** 0 for adam (the parameter is inactive there). */
  readonly momentum: number;
}

export function mlpConfigOf(config: Config): MlpConfig {
  return {
    learningRate: Number(config.learning_rate),
    batchSize: Number(config.batch_size),
    layers: Number(config.n_layers),
    units: Number(config.units),
    dropout: Number(config.dropout),
    weightDecay: Number(config.weight_decay),
    activation: config.activation as Activation,
    optimizer: config.optimizer as OptimizerKind,
    momentum: config.momentum === undefined ? 0 : Number(config.momentum),
  };
}

/** A stable text key of a configuration (checkpoint cache key). */
export function configKey(config: MlpConfig): string {
  return JSON.stringify([config.learningRate, config.batchSize, config.layers, config.units, config.dropout, config.weightDecay, config.activation, config.optimizer, config.momentum]);
}
