/**
 * The MLP as plain tensors [W0, b0, W1, b1, ..., Wout, bout] and a forward pass. Written with
 * tfjs-core ops instead of tfjs-layers so every random draw (initialization, dropout masks) comes
 * from hpoarena's seeded Rng: tfjs-layers draws from Math.random and ignores dropout seeds.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/index.js';
import type { Activation } from './mlpConfig.js';

export interface MlpShape {
  readonly inputs: number;
  readonly outputs: number;
  readonly layers: number;
  readonly units: number;
}

/** [rows, columns] of every parameter tensor, in order. */
export function parameterShapes(shape: MlpShape): Array<[number] | [number, number]> {
  const shapes: Array<[number] | [number, number]> = [];
  let width = shape.inputs;
  for (let l = 0; l < shape.layers; l++) {
    shapes.push([width, shape.units], [shape.units]);
    width = shape.units;
  }
  shapes.push([width, shape.outputs], [shape.outputs]);
  return shapes;
}

export function parameterCount(shape: MlpShape): number {
  return parameterShapes(shape).reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
}

/** He uniform for relu/elu, Glorot uniform for tanh and the output layer; zero biases (Keras' defaults for each). */
export function initialParameters(shape: MlpShape, activation: Activation, rng: Rng): Float32Array[] {
  const shapes = parameterShapes(shape);
  return shapes.map((s, i) => {
    if (s.length === 1) return new Float32Array(s[0]);
    const [fanIn, fanOut] = s;
    const output = i === shapes.length - 2;
    const limit = !output && activation !== 'tanh' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
    return Float32Array.from({ length: fanIn * fanOut }, () => rng.uniform(-limit, limit));
  });
}

/** Inverted-dropout masks for one batch: 0 with probability p, else 1/(1-p); one per hidden layer. */
export function dropoutMasks(shape: MlpShape, rows: number, p: number, rng: Rng): Float32Array[] {
  const keep = 1 / (1 - p);
  return Array.from({ length: shape.layers }, () => Float32Array.from({ length: rows * shape.units }, () => (rng.random() < p ? 0 : keep)));
}

/** Logits (classification) or predictions (regression), [rows, outputs]. */
export function forward(params: readonly tf.Tensor[], x: tf.Tensor2D, activation: Activation, masks?: readonly tf.Tensor[]): tf.Tensor2D {
  let h: tf.Tensor2D = x;
  const hidden = params.length / 2 - 1;
  for (let l = 0; l < hidden; l++) {
    h = activate(tf.add(tf.matMul(h, params[2 * l] as tf.Tensor2D), params[2 * l + 1]), activation);
    if (masks) h = tf.mul(h, masks[l]);
  }
  return tf.add(tf.matMul(h, params[2 * hidden] as tf.Tensor2D), params[2 * hidden + 1]);
}

function activate(x: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  if (activation === 'relu') return tf.relu(x);
  if (activation === 'tanh') return tf.tanh(x);
  return tf.elu(x);
}
