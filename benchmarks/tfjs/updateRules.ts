/**
 * The optimizers' update rules, written out so their whole state (step count, slot tensors) can be
 * checkpointed and restored exactly: tfjs' own Adam recomputes beta^t with pow() on restore, which
 * differs in the last bits from the running product, and resumed training would drift from training
 * from scratch. Constants follow Keras (Adam 0.9/0.999/1e-7, RMSprop rho 0.9, eps 1e-7).
 * Weight decay is an L2 penalty on the weight matrices (not the biases), added to their gradient.
 */
import * as tf from '@tensorflow/tfjs';
import type { MlpConfig } from './mlpConfig.js';

const BETA1 = 0.9;
const BETA2 = 0.999;
const RHO = 0.9;
const EPSILON = 1e-7;

/** Number of slot tensors each parameter keeps. */
export function slotCount(config: MlpConfig): number {
  if (config.optimizer === 'adam') return 2;
  if (config.optimizer === 'rmsprop') return config.momentum > 0 ? 2 : 1;
  return config.momentum > 0 ? 1 : 0;
}

/** One step: returns the new parameters and slots (the caller disposes the old ones). `step` counts from 1. */
export function applyUpdate(config: MlpConfig, step: number, params: readonly tf.Tensor[], grads: readonly tf.Tensor[], slots: readonly tf.Tensor[][]): { params: tf.Tensor[]; slots: tf.Tensor[][] } {
  const lr = config.learningRate;
  const newParams: tf.Tensor[] = [];
  const newSlots: tf.Tensor[][] = [];
  params.forEach((p, i) => {
    const g = i % 2 === 0 && config.weightDecay > 0 ? tf.add(grads[i], tf.mul(p, config.weightDecay)) : grads[i];
    const s = slots[i];
    if (config.optimizer === 'adam') {
      const m = tf.add(tf.mul(s[0], BETA1), tf.mul(g, 1 - BETA1));
      const v = tf.add(tf.mul(s[1], BETA2), tf.mul(tf.square(g), 1 - BETA2));
      const lrT = (lr * Math.sqrt(1 - BETA2 ** step)) / (1 - BETA1 ** step);
      newParams.push(tf.sub(p, tf.mul(tf.div(m, tf.add(tf.sqrt(v), EPSILON)), lrT)));
      newSlots.push([m, v]);
    } else if (config.optimizer === 'rmsprop') {
      const ms = tf.add(tf.mul(s[0], RHO), tf.mul(tf.square(g), 1 - RHO));
      const scaled = tf.div(g, tf.add(tf.sqrt(ms), EPSILON));
      if (config.momentum > 0) {
        const velocity = tf.add(tf.mul(s[1], config.momentum), scaled);
        newParams.push(tf.sub(p, tf.mul(velocity, lr)));
        newSlots.push([ms, velocity]);
      } else {
        newParams.push(tf.sub(p, tf.mul(scaled, lr)));
        newSlots.push([ms]);
      }
    } else if (config.momentum > 0) {
      const velocity = tf.add(tf.mul(s[0], config.momentum), g);
      newParams.push(tf.sub(p, tf.mul(velocity, lr)));
      newSlots.push([velocity]);
    } else {
      newParams.push(tf.sub(p, tf.mul(g, lr)));
      newSlots.push([]);
    }
  });
  return { params: newParams, slots: newSlots };
}
