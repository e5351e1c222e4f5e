import { deriveRng } from '../../../core/index.js';
import type { Dataset, SplitDataset } from './dataset.js';

/** Fraction of rows held out for validation. */
export const VALIDATION_FRACTION = 0.3;

/**
 * A fixed train/validation split of a dataset (the same for every trial and seed, as a benchmark
 * needs), drawn from a seed derived from the dataset's name. Features are standardized with the
 * training part's statistics; a regression target too (training sees unit scale).
 */
export function splitDataset(data: Dataset): SplitDataset {
  const order = deriveRng(0, 'tfjs-split', data.name).shuffle(Array.from({ length: data.rows }, (_, i) => i));
  const nValidation = Math.max(1, Math.round(data.rows * VALIDATION_FRACTION));
  const trainRows = order.slice(nValidation);
  const validationRows = order.slice(0, nValidation);
  const mean = new Float64Array(data.features);
  const sd = new Float64Array(data.features);
  for (const r of trainRows) for (let j = 0; j < data.features; j++) mean[j] += data.x[r * data.features + j] / trainRows.length;
  for (const r of trainRows) for (let j = 0; j < data.features; j++) sd[j] += (data.x[r * data.features + j] - mean[j]) ** 2 / trainRows.length;
  for (let j = 0; j < data.features; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  let yMean = 0;
  let yScale = 1;
  if (data.kind === 'regression') {
    yMean = trainRows.reduce((s, r) => s + data.y[r], 0) / trainRows.length;
    yScale = Math.sqrt(trainRows.reduce((s, r) => s + (data.y[r] - yMean) ** 2, 0) / trainRows.length) || 1;
  }
  const take = (rows: number[]) => {
    const x = new Float32Array(rows.length * data.features);
    const y = new Float32Array(rows.length);
    rows.forEach((r, i) => {
      for (let j = 0; j < data.features; j++) x[i * data.features + j] = (data.x[r * data.features + j] - mean[j]) / sd[j];
      y[i] = data.kind === 'regression' ? (data.y[r] - yMean) / yScale : data.y[r];
    });
    return { x, y, rows: rows.length };
  };
  return { name: data.name, kind: data.kind, features: data.features, outputs: data.outputs, imageSize: data.imageSize, train: take(trainRows), validation: take(validationRows), targetScale: yScale };
}
