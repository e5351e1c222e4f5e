import * as tf from '@tensorflow/tfjs';
import type { SplitDataset } from './datasets/index.js';

export interface DatasetTensors {
  readonly xTrain: tf.Tensor2D;
  readonly yTrain: tf.Tensor;
  readonly xValidation: tf.Tensor2D;
}

const tensorsByDataset = new Map<string, DatasetTensors>();

/** The dataset on the active backend, uploaded once per process. */
export function datasetTensors(data: SplitDataset): DatasetTensors {
  let tensors = tensorsByDataset.get(data.name);
  if (!tensors) {
    const y = tf.tidy(() => data.kind === 'classification'
      ? tf.cast(tf.oneHot(tf.tensor1d(data.train.y, 'int32'), data.outputs), 'float32')
      : tf.tensor2d(data.train.y, [data.train.rows, 1]));
    tensors = {
      xTrain: tf.tensor2d(data.train.x, [data.train.rows, data.features]),
      yTrain: y,
      xValidation: tf.tensor2d(data.validation.x, [data.validation.rows, data.features]),
    };
    tensorsByDataset.set(data.name, tensors);
  }
  return tensors;
}
