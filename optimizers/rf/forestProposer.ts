import type { Rng, SearchSpace } from '../../core/index.js';
import { candidateSpaceFor, type CandidateSpace } from '../models/candidateSpace.js';
import { maximizeAcquisition, type Candidate, type SearchSettings } from '../models/acquisitionSearch.js';
import type { Proposer } from '../models/modelBasedOptimizer.js';
import { logExpectedImprovement, logExpectedImprovementOfExp } from '../models/normal.js';
import { imputeInactive, type Observations } from '../models/observations.js';
import { RandomForest, type ForestSettings } from '../models/randomForest.js';
import { logScaledCosts } from './logScaledCosts.js';

/** SMAC's var_threshold (VERY_SMALL_NUMBER): the smallest predictive variance used in EI. */
const MIN_VARIANCE = 1e-10;
/** Encoded value of an inactive parameter (SMAC's RF imputes -1 for numeric parameters). */
const INACTIVE_VALUE = -1;

/**
 * SMAC's HyperparameterOptimizationFacade model step: a random forest on log-scaled costs,
 * EI for log-transformed predictions, maximized by sorted random search plus local search
 * from the best random and the best observed (by predicted cost) configs.
 */
export class ForestProposer implements Proposer {
  private readonly forest: RandomForest;
  private readonly points: CandidateSpace;

  constructor(space: SearchSpace, private readonly forestSettings: ForestSettings, private readonly search: SearchSettings) {
    this.forest = new RandomForest(forestSettings);
    this.points = candidateSpaceFor(space);
  }

  propose(observations: Observations, rng: Rng): Candidate[] {
    const n = observations.size;
    const width = observations.width;
    const x = observations.imputedRows(INACTIVE_VALUE);
    const costs = observations.imputedCosts();
    const y = this.forestSettings.logY ? logScaledCosts(costs) : costs;
    this.forest.fit(x, y, n, width, rng);

    const scratch = new Float64Array(width);
    const out = new Float64Array(2);
    // Incumbent value: the best predicted mean over observed configs (SMAC's predict_x_best).
    const means = new Float64Array(n);
    let eta = Infinity;
    for (let i = 0; i < n; i++) {
      this.forest.predict(x.subarray(i * width, (i + 1) * width), out);
      means[i] = out[0];
      if (out[0] < eta) eta = out[0];
    }
    const logY = this.forestSettings.logY;
    const acquisition = (row: Float64Array): number => {
      imputeInactive(row, scratch, INACTIVE_VALUE);
      this.forest.predict(scratch, out);
      const std = Math.sqrt(Math.max(out[1], MIN_VARIANCE));
      return logY ? logExpectedImprovementOfExp(out[0], std, eta) : logExpectedImprovement(out[0], std, eta);
    };
    // Observed configs by predicted cost, random tie-break (SMAC's LocalSearch start points).
    const tieBreak = Float64Array.from({ length: n }, () => rng.random());
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => means[a] - means[b] || tieBreak[a] - tieBreak[b]);
    const starts: Candidate[] = order.slice(0, this.search.localSearchIterations).map((i) => {
      const row = observations.row(i).slice();
      return { config: observations.configs[i], row, value: acquisition(row) };
    });
    return maximizeAcquisition(this.points, rng, acquisition, starts, this.search);
  }
}
