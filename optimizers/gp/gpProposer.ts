import type { Rng, SearchSpace } from '../../core/index.js';
import { localSearch, maximizeAcquisition, type Candidate, type SearchSettings } from '../models/acquisitionSearch.js';
import { candidateSpaceFor, isPlainBox, type CandidateSpace, type Point } from '../models/candidateSpace.js';
import { GaussianProcess } from '../models/gaussianProcess.js';
import { KernelLayout } from '../models/kernel.js';
import { minimizeBox } from '../models/lbfgsb.js';
import type { Proposer } from '../models/modelBasedOptimizer.js';
import { dLogH, logExpectedImprovement, logH } from '../models/normal.js';
import { imputeInactive, type Observations } from '../models/observations.js';

/** Encoded value of an inactive parameter (SMAC's GP imputes -1). */
const INACTIVE_VALUE = -1;

export interface GpSettings {
  /** Prior samples screened per fit; the best gets its own L-BFGS-B run when it beats the warm-started one. */
  readonly nRestarts: number;
  /** Iterations of each hyperparameter L-BFGS-B run. */
  readonly hyperparameterIterations: number;
  /** Iterations of each acquisition L-BFGS-B polish. */
  readonly acquisitionIterations: number;
}

/** The kernel layout of a space: Matern on float/int/ordinal slots, Hamming on categoricals, constants left out. */
export function layoutOf(space: SearchSpace): KernelLayout {
  const continuous: number[] = [];
  const categorical: number[] = [];
  space.hyperparameters.forEach((hp, i) => {
    if (hp.type === 'categorical') categorical.push(i);
    else if (hp.type !== 'constant') continuous.push(i);
  });
  return new KernelLayout(Int32Array.from(continuous), Int32Array.from(categorical), space.dimension);
}

/**
 * SMAC's BlackBoxFacade model step: a GP (Matern 5/2 x Hamming, ARD) on standardized costs,
 * hyperparameters by maximum a posteriori, log EI maximized by sorted random search plus local
 * search: L-BFGS-B on the continuous float slots (analytic gradients) and one-exchange moves
 * (space.neighbours) on the others.
 */
export class GpProposer implements Proposer {
  private readonly gp: GaussianProcess;
  private readonly layout: KernelLayout;
  /** Per continuous kernel input: may L-BFGS-B move it (a float without q)? */
  private readonly smooth: boolean[];
  /** Slots that one-exchange moves may change (all but smooth floats and constants). */
  private readonly discreteSlots: number[];
  private readonly points: CandidateSpace;
  private readonly plainBox: boolean;

  constructor(private readonly space: SearchSpace, private readonly settings: GpSettings, private readonly search: SearchSettings) {
    this.layout = layoutOf(space);
    this.gp = new GaussianProcess(this.layout);
    const smoothSlot = (i: number) => {
      const hp = space.hyperparameters[i];
      return hp.type === 'float' && hp.q === undefined;
    };
    this.smooth = Array.from(this.layout.continuous, smoothSlot);
    this.discreteSlots = space.hyperparameters.flatMap((hp, i) => (hp.type === 'constant' || smoothSlot(i) ? [] : [i]));
    this.points = candidateSpaceFor(space);
    this.plainBox = isPlainBox(space);
  }

  propose(observations: Observations, rng: Rng): Candidate[] {
    const n = observations.size;
    const width = observations.width;
    const x = observations.imputedRows(INACTIVE_VALUE);
    const scratch = new Float64Array(width);
    const y = standardize(observations.imputedCosts());
    const gp = this.gp;
    gp.setData(x, y, n);
    gp.fitHyperparameters({ rng, restarts: this.settings.nRestarts, maxIterations: this.settings.hyperparameterIterations });

    const means = new Float64Array(n);
    gp.trainingMeans(means);
    let eta = Infinity;
    for (let i = 0; i < n; i++) eta = Math.min(eta, means[i]);
    const out = new Float64Array(2);
    const acquisition = (row: Float64Array): number => {
      imputeInactive(row, scratch, INACTIVE_VALUE);
      gp.predict(scratch, out);
      return logExpectedImprovement(out[0], Math.sqrt(out[1]), eta);
    };
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => means[a] - means[b] || a - b);
    const starts: Candidate[] = order.slice(0, this.search.localSearchIterations).map((i) => {
      const row = observations.row(i).slice();
      return { config: observations.configs[i], row, value: acquisition(row) };
    });
    const improve = (start: Candidate) => this.improve(start, eta, acquisition, rng);
    return maximizeAcquisition(this.points, rng, acquisition, starts, this.search, improve);
  }

  /** Polish with L-BFGS-B, then alternate one-exchange moves on the non-smooth slots with polishing. */
  private improve(start: Candidate, eta: number, acquisition: (row: Float64Array) => number, rng: Rng): Candidate {
    let current = this.polish(start, eta, acquisition);
    if (this.discreteSlots.length === 0) return current;
    const stepSettings: SearchSettings = { ...this.search, maxSteps: 1, plateauWalks: 0 };
    const discreteMove = (from: Candidate, to: Float64Array) => this.differsOffSmooth(from.row, to);
    for (let round = 0; round < this.search.maxSteps; round++) {
      const moved = localSearch(this.points, rng, current, acquisition, stepSettings, discreteMove);
      if (!(moved.value > current.value)) break;
      current = this.polish(moved, eta, acquisition);
    }
    return current;
  }

  /** Whether a one-exchange move changed a slot other than a smooth float (NaN-aware). */
  private differsOffSmooth(a: Float64Array, b: Float64Array): boolean {
    for (const d of this.discreteSlots) if (!(a[d] === b[d] || (a[d] !== a[d] && b[d] !== b[d]))) return true;
    return false;
  }

  /** L-BFGS-B on -log EI over the active smooth slots in [0, 1]; keeps the result if it decodes to a better, allowed config. */
  private polish(start: Candidate, eta: number, acquisition: (row: Float64Array) => number): Candidate {
    const { layout, gp } = this;
    const free: number[] = [];
    for (let k = 0; k < layout.nContinuous; k++) if (this.smooth[k] && start.row[layout.continuous[k]] === start.row[layout.continuous[k]]) free.push(k);
    if (free.length === 0 || this.settings.acquisitionIterations === 0) return start;
    const input = new Float64Array(start.row.length);
    imputeInactive(start.row, input, INACTIVE_VALUE);
    const dMean = new Float64Array(layout.nContinuous);
    const dVar = new Float64Array(layout.nContinuous);
    const out = new Float64Array(2);
    const fg = (v: Float64Array, grad: Float64Array): number => {
      for (let j = 0; j < free.length; j++) input[layout.continuous[free[j]]] = v[j];
      gp.predictWithGradient(input, out, dMean, dVar);
      const std = Math.sqrt(out[1]);
      const z = (eta - out[0]) / std;
      const lh = logH(z);
      const slope = dLogH(z, lh);
      for (let j = 0; j < free.length; j++) {
        const k = free[j];
        const dStd = dVar[k] / (2 * std);
        const dz = (-dMean[k] - z * dStd) / std;
        grad[j] = -(slope * dz + dStd / std);
      }
      return -(lh + Math.log(std));
    };
    const x0 = free.map((k) => start.row[layout.continuous[k]]);
    const lower = new Float64Array(free.length);
    const upper = new Float64Array(free.length).fill(1);
    const result = minimizeBox(fg, x0, lower, upper, { maxIterations: this.settings.acquisitionIterations, maxEvaluations: 2 * this.settings.acquisitionIterations });
    const moved = start.row.slice();
    for (let j = 0; j < free.length; j++) moved[layout.continuous[free[j]]] = result.x[j];
    let point: Point = { row: moved };
    if (!this.plainBox) {
      // Canonical encoding of what the moved point decodes to (a float can be a condition's parent).
      const config = this.space.decode(moved);
      if (this.space.isForbidden(config)) return start;
      point = { row: this.space.encode(config), config };
    }
    const value = acquisition(point.row);
    return value > start.value ? { ...point, value } : start;
  }
}

/** (y - mean) / std, std 1 when all equal (SMAC's normalize_y). */
function standardize(values: Float64Array): Float64Array {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let variance = 0;
  for (const v of values) variance += (v - mean) * (v - mean);
  let std = Math.sqrt(variance / n);
  if (!(std > 0)) std = 1;
  return values.map((v) => (v - mean) / std);
}
