/**
 * The small CNN for square one-channel images: `layers` blocks of a 3x3 convolution with `units`
 * filters ('same' padding) and 2x2 max pooling, global average pooling, dropout on the pooled
 * features, a dense output layer. The flat input rows are reshaped to images inside.
 */
import * as tf from '@tensorflow/tfjs';
import { activate, uniformWeights, type Network } from './network.js';
import type { MlpConfig } from './mlpConfig.js';

const KERNEL = 3;

export function cnnNetwork(imageSize: number, outputs: number, config: MlpConfig): Network {
  const shapes: number[][] = [];
  let channels = 1;
  for (let l = 0; l < config.layers; l++) {
    shapes.push([KERNEL, KERNEL, channels, config.units], [config.units]);
    channels = config.units;
  }
  shapes.push([channels, outputs], [outputs]);
  return {
    shapes,
    initialParameters: (rng) => shapes.map((s) => {
      if (s.length === 1) return new Float32Array(s[0]);
      if (s.length === 2) return uniformWeights(s[0] * s[1], s[0], s[1], false, rng);
      const [kh, kw, inC, outC] = s;
      return uniformWeights(kh * kw * inC * outC, kh * kw * inC, kh * kw * outC, config.activation !== 'tanh', rng);
    }),
    maskShapes: (rows) => (config.dropout > 0 ? [[rows, config.units]] : []),
    forward(params, x, masks) {
      let h = tf.reshape(x, [-1, imageSize, imageSize, 1]) as tf.Tensor4D;
      for (let l = 0; l < config.layers; l++) {
        h = activate(tf.add(tf.conv2d(h, params[2 * l] as tf.Tensor4D, 1, 'same'), params[2 * l + 1]), config.activation);
        h = tf.maxPool(h, 2, 2, 'same');
      }
      let pooled = tf.mean(h, [1, 2]) as tf.Tensor2D;
      if (masks && masks.length > 0) pooled = tf.mul(pooled, masks[0]);
      return tf.add(tf.matMul(pooled, params[2 * config.layers] as tf.Tensor2D), params[2 * config.layers + 1]);
    },
  };
}
