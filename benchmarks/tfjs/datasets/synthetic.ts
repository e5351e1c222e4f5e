/**
 * Seeded synthetic datasets of any size, so a task can be made as expensive as needed.
 * Classification: labels from a fixed random two-layer "teacher" network (argmax of 3 scores)
 * with 5% label noise. Regression: a smooth nonlinear function of the features plus noise.
 * The data depend only on (kind, rows, features): identical on every machine.
 */
import { deriveRng } from '../../../core/index.js';
import type { Dataset } from './dataset.js';

export type SyntheticKind = 'cls' | 'reg';

export function syntheticDataset(kind: SyntheticKind, rows: number, features: number): Dataset {
  const rng = deriveRng(0, 'tfjs-synthetic', kind, rows, features);
  const hidden = 16;
  const classes = 3;
  const w1 = Array.from({ length: features * hidden }, () => rng.normal() / Math.sqrt(features));
  const w2 = Array.from({ length: hidden * classes }, () => rng.normal() / Math.sqrt(hidden));
  const x = new Float32Array(rows * features);
  const y = new Float32Array(rows);
  const h = new Float64Array(hidden);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < features; j++) x[r * features + j] = rng.normal();
    for (let k = 0; k < hidden; k++) {
      let s = 0;
      for (let j = 0; j < features; j++) s += x[r * features + j] * w1[j * hidden + k];
      h[k] = Math.tanh(2 * s);
    }
    if (kind === 'cls') {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < classes; c++) {
        let s = 0;
        for (let k = 0; k < hidden; k++) s += h[k] * w2[k * classes + c];
        if (s > bestScore) [best, bestScore] = [c, s];
      }
      y[r] = rng.random() < 0.05 ? rng.int(0, classes - 1) : best;
    } else {
      let s = 0;
      for (let k = 0; k < hidden; k++) s += h[k] * w2[k * classes] + 0.5 * h[k] * h[k] * w2[k * classes + 1];
      y[r] = s + 0.1 * rng.normal();
    }
  }
  return {
    name: `synth-${kind}-n${rows}-d${features}`, kind: kind === 'cls' ? 'classification' : 'regression', x, y, rows, features,
    outputs: kind === 'cls' ? classes : 1, source: `seeded synthetic ${kind === 'cls' ? 'classification (random teacher network)' : 'regression'}`,
  };
}
