import * as tf from '@tensorflow/tfjs';
import type { DatasetTensors } from './datasetTensors.js';
import type { SplitDataset } from './datasets/index.js';
import type { Network } from './network.js';

/** Validation error (classification: error rate; regression: RMSE in the target's unit) and loss of the current parameters. */
export function validate(params: readonly tf.Tensor[], tensors: DatasetTensors, data: SplitDataset, network: Network): { error: number; loss: number } {
  const out = tf.tidy(() => network.forward(params, tensors.xValidation));
  const values = out.dataSync();
  out.dispose();
  const { rows, y } = data.validation;
  if (data.kind === 'regression') {
    let sse = 0;
    for (let r = 0; r < rows; r++) sse += (values[r] - y[r]) ** 2;
    return { error: Math.sqrt(sse / rows) * data.targetScale, loss: sse / rows };
  }
  const k = data.outputs;
  let wrong = 0;
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (values[r * k + c] > max) [best, max] = [c, values[r * k + c]];
    // Diverged logits (NaN) count as a wrong prediction.
    if (!(max > -Infinity) || best !== y[r] || Number.isNaN(values[r * k + y[r]])) wrong++;
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(values[r * k + c] - max);
    loss += Math.log(sum) + max - values[r * k + y[r]];
  }
  return { error: wrong / rows, loss: loss / rows };
}
