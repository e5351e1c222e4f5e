/**
 * A network as plain tensors (weights at even indices, biases at odd) and a forward pass. Written
 * with tfjs-core operations instead of tfjs-layers so every random draw (initialization, dropout
 * masks) comes from hpoarena's seeded Rng: tfjs-layers draws from Math.random and ignores dropout seeds.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/index.js';
import type { Activation } from './mlpConfig.js';

export interface Network {
  /** Shape of every parameter tensor, in order: weight, bias, weight, bias, ... */
  readonly shapes: readonly number[][];
  initialParameters(rng: Rng): Float32Array[];
  /** Shapes of the dropout masks one batch of `rows` needs. */
  maskShapes(rows: number): number[][];
  /** Logits (classification) or predictions (regression), [rows, outputs]; masks only while training. */
  forward(params: readonly tf.Tensor[], x: tf.Tensor2D, masks?: readonly tf.Tensor[]): tf.Tensor2D;
}

export function parameterCount(network: Network): number {
  return network.shapes.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
}

/** He uniform (relu, elu) or Glorot uniform (tanh, output layers), as Keras' defaults for each. */
export function uniformWeights(size: number, fanIn: number, fanOut: number, he: boolean, rng: Rng): Float32Array {
  const limit = he ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: size }, () => rng.uniform(-limit, limit));
}

/** Inverted dropout: 0 with probability p, else 1/(1-p). */
export function dropoutMask(size: number, p: number, rng: Rng): Float32Array {
  const keep = 1 / (1 - p);
  return Float32Array.from({ length: size }, () => (rng.random() < p ? 0 : keep));
}

export function activate<T extends tf.Tensor>(x: T, activation: Activation): T {
  if (activation === 'relu') return tf.relu(x);
  if (activation === 'tanh') return tf.tanh(x);
  return tf.elu(x);
}
