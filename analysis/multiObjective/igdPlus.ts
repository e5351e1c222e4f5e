import { SpecError } from '../../core/index.js';

/**
 * IGD+ (Ishibuchi et al. 2015) of an approximation set A against reference front Z, for
 * minimized objectives: the mean over z in Z of min over a in A of
 * sqrt(Σ_i max(a_i - z_i, 0)^2). Computed in the task's raw objective space (as pymoo's IGDPlus
 * does by default). Infinity for an empty A.
 */
export function igdPlus(approximation: readonly (readonly number[])[], front: readonly (readonly number[])[]): number {
  if (front.length === 0) throw new SpecError('IGD+ needs a non-empty reference front.');
  if (approximation.length === 0) return Infinity;
  let total = 0;
  for (const z of front) {
    let best = Infinity;
    for (const a of approximation) {
      let sum = 0;
      for (let i = 0; i < z.length; i++) {
        const d = a[i] - z[i];
        if (d > 0) sum += d * d;
      }
      if (sum < best) best = sum;
    }
    total += Math.sqrt(best);
  }
  return total / front.length;
}
