/** The MLP: `layers` dense layers of `units`, dropout after each, a dense output layer. */
import * as tf from '@tensorflow/tfjs';
import { activate, uniformWeights, type Network } from './network.js';
import type { MlpConfig } from './mlpConfig.js';

export function mlpNetwork(inputs: number, outputs: number, config: MlpConfig): Network {
  const shapes: number[][] = [];
  let width = inputs;
  for (let l = 0; l < config.layers; l++) {
    shapes.push([width, config.units], [config.units]);
    width = config.units;
  }
  shapes.push([width, outputs], [outputs]);
  return {
    shapes,
    initialParameters: (rng) => shapes.map((s, i) => {
      if (s.length === 1) return new Float32Array(s[0]);
      const output = i === shapes.length - 2;
      return uniformWeights(s[0] * s[1], s[0], s[1], !output && config.activation !== 'tanh', rng);
    }),
    maskShapes: (rows) => Array.from({ length: config.layers }, () => [rows, config.units]),
    forward(params, x, masks) {
      let h: tf.Tensor2D = x;
      for (let l = 0; l < config.layers; l++) {
        h = activate(tf.add(tf.matMul(h, params[2 * l] as tf.Tensor2D), params[2 * l + 1]), config.activation);
        if (masks) h = tf.mul(h, masks[l]);
      }
      return tf.add(tf.matMul(h, params[2 * config.layers] as tf.Tensor2D), params[2 * config.layers + 1]);
    },
  };
}
