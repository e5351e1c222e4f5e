/**
 * A seeded synthetic image set for the CNN: size x size grey images of three classes, horizontal
 * stripes, vertical stripes and a bright blob, each with a random frequency, phase or position,
 * contrast and pixel noise (N(0, 0.5)). Depends only on (rows, size): identical on every machine.
 */
import { deriveRng } from '../../../core/index.js';
import type { Dataset } from './dataset.js';

export function syntheticImages(rows: number, size: number): Dataset {
  const rng = deriveRng(0, 'tfjs-images', rows, size);
  const x = new Float32Array(rows * size * size);
  const y = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const label = rng.int(0, 2);
    const frequency = rng.uniform(0.5, 1.5);
    const phase = rng.uniform(0, 2 * Math.PI);
    const [cx, cy] = [rng.uniform(0, size), rng.uniform(0, size)];
    const radius = rng.uniform(size / 6, size / 3);
    const contrast = rng.uniform(0.5, 1.5);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        const signal = label === 0 ? Math.sin(frequency * i + phase)
          : label === 1 ? Math.sin(frequency * j + phase)
          : Math.exp(-((i - cy) ** 2 + (j - cx) ** 2) / (2 * radius * radius)) * 2 - 0.5;
        x[(r * size + i) * size + j] = contrast * signal + 0.5 * rng.normal();
      }
    }
    y[r] = label;
  }
  return { name: `synth-img-n${rows}-s${size}`, kind: 'classification', x, y, rows, features: size * size, outputs: 3, imageSize: size, source: 'seeded synthetic images (stripes and blobs)' };
}
