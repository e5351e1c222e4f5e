/** f21 and f22 Gallagher's Gaussian peaks, 101 and 21 of them (COCO's f_gallagher.c). */
import { legacyUniform } from './legacyRandom.js';
import type { FunctionBuilder } from './problem.js';
import { affine, computeRotation } from './rotation.js';
import { absolutePenalty, oscillate } from './transforms.js';

interface PeakSetting {
  readonly peaks: number;
  /** Condition of the global peak. */
  readonly globalCondition: number;
  /** Peak locations are b u - c for uniform u; the global one is then scaled by 0.8. */
  readonly b: number;
  readonly c: number;
}

/** Indices 0..n-1 ordered by increasing value (COCO's qsort of (value, index) pairs). */
function rankOrder(values: Float64Array): number[] {
  return Array.from(values, (_, i) => i).sort((a, b) => values[a] - values[b]);
}

function gallagher({ peaks, globalCondition, b, c }: PeakSetting): FunctionBuilder {
  return ({ dimension: d, rseed, fopt }) => {
    const maxCondition = 1000.0;
    const rotation = computeRotation(rseed, d);
    const conditionOrder = rankOrder(legacyUniform(peaks - 1, rseed));
    const conditions = new Float64Array(peaks);
    const heights = new Float64Array(peaks);
    conditions[0] = globalCondition;
    heights[0] = 10;
    for (let i = 1; i < peaks; i++) {
      conditions[i] = Math.pow(maxCondition, conditionOrder[i - 1] / (peaks - 2));
      heights[i] = ((i - 1) / (peaks - 2)) * (9.1 - 1.1) + 1.1;
    }
    // Stored dimension-major (entry j * peaks + i), so the distance loop runs over peaks with independent
    // accumulators; each peak still sums over j in COCO's order, so the distances are bit-identical.
    // scales: the diagonal of peak i's covariance, a random permutation of conditions[i]^(j/(d-1) - 1/2).
    const scales = new Float64Array(peaks * d);
    for (let i = 0; i < peaks; i++) {
      const order = rankOrder(legacyUniform(d, rseed + 1000 * i));
      for (let j = 0; j < d; j++) scales[j * peaks + i] = Math.pow(conditions[i], order[j] / (d - 1) - 0.5);
    }
    const uniform = legacyUniform(d * peaks, rseed);
    const xopt = new Float64Array(d);
    // centres: coordinate j of peak i, already rotated (COCO's x_local[j][i]).
    const centres = new Float64Array(peaks * d);
    for (let j = 0; j < d; j++) {
      xopt[j] = 0.8 * (b * uniform[j] - c);
      for (let i = 0; i < peaks; i++) {
        let sum = 0;
        for (let k = 0; k < d; k++) sum += rotation[j * d + k] * (b * uniform[i * d + k] - c);
        centres[j * peaks + i] = i === 0 ? sum * 0.8 : sum;
      }
    }
    const logHeights = heights.map(Math.log);
    const exponentFactor = -0.5 / d;
    const rotated = new Float64Array(d);
    const distances = new Float64Array(peaks);
    const keys = new Float64Array(peaks);
    return {
      xopt,
      evaluate(x) {
        const penalty = absolutePenalty(x, d) * 1.0;
        affine(rotation, x, rotated, d);
        distances.fill(0);
        for (let j = 0; j < d; j++) {
          const r = rotated[j];
          const base = j * peaks;
          for (let i = 0; i < peaks; i++) {
            const t = r - centres[base + i];
            distances[i] += scales[base + i] * t * t;
          }
        }
        // max_i heights[i] exp(-d_i / 2d) is taken over the peaks whose log value is within 1e-9 of the
        // largest; any other peak is smaller by a factor 1 - 1e-9, far beyond rounding, so the max is
        // exactly COCO's while exp runs once or twice instead of once per peak. Non-finite inputs
        // (no largest key, or a NaN) take every peak in order, as COCO does.
        let top = -Infinity;
        let unordered = false;
        for (let i = 0; i < peaks; i++) {
          const key = logHeights[i] + exponentFactor * distances[i];
          keys[i] = key;
          if (key > top) top = key;
          else if (key !== key) unordered = true;
        }
        const threshold = top > -Infinity && !unordered ? top - 1e-9 * (1 + Math.abs(top)) : -Infinity;
        let best = 0;
        for (let i = 0; i < peaks; i++) {
          if (keys[i] < threshold) continue;
          const value = heights[i] * Math.exp(exponentFactor * distances[i]);
          best = best >= value ? best : value;
        }
        const core = oscillate(10.0 - best);
        return core * core + penalty + fopt;
      },
    };
  };
}

export const gallagher101 = gallagher({ peaks: 101, globalCondition: Math.sqrt(1000.0), b: 10.0, c: 5.0 });
export const gallagher21 = gallagher({ peaks: 21, globalCondition: 1000.0, b: 9.8, c: 4.9 });
