import type { Rng } from '../../core/index.js';

/** Settings of one forest; defaults are SMAC's HyperparameterOptimizationFacade.get_model. */
export interface ForestSettings {
  readonly nTrees: number;
  /** Fraction of features tried at each split: max(1, floor(width * ratio)). */
  readonly ratioFeatures: number;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  readonly maxDepth: number;
  readonly bootstrapping: boolean;
  /** Targets are log costs: a leaf predicts log(mean(exp(y))) (SMAC's log_y). */
  readonly logY: boolean;
}

/** sklearn's min_impurity_decrease of SMAC's RandomForest. */
const MIN_IMPURITY_DECREASE = 1e-8;

/** One regression tree in flat arrays; node 0 is the root, feature -1 marks a leaf. */
class RegressionTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.feature = new Int32Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
  }

  addNode(): number {
    return this.size++;
  }

  predict(x: ArrayLike<number>): number {
    let node = 0;
    const { feature, threshold, left, right } = this;
    while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
    return this.value[node];
  }
}

/**
 * A random forest regressor as SMAC's (sklearn-based) RandomForest: bootstrapped trees grown
 * with sklearn's "random" splitter (one uniform threshold per tried feature, the best variance
 * reduction wins), predictions are the mean and variance of the per-tree predictions.
 */
export class RandomForest {
  private trees: RegressionTree[] = [];
  private readonly preds: Float64Array;

  constructor(private readonly settings: ForestSettings) {
    this.preds = new Float64Array(settings.nTrees);
  }

  /** Fits on row-major inputs (n x width, no NaN) and targets. */
  fit(x: Float64Array, y: Float64Array, n: number, width: number, rng: Rng): void {
    const s = this.settings;
    const maxFeatures = Math.max(1, Math.floor(width * s.ratioFeatures));
    const sample = new Int32Array(n);
    const features = new Int32Array(width);
    const stack = new Int32Array(3 * (2 * n + 2)); // (node, start, end) triples
    const depthOf = new Int32Array(2 * n + 2);
    this.trees = [];
    for (let t = 0; t < s.nTrees; t++) {
      for (let i = 0; i < n; i++) sample[i] = s.bootstrapping ? Math.floor(rng.random() * n) : i;
      const tree = new RegressionTree(2 * n + 1);
      this.grow(tree, x, y, sample, n, width, maxFeatures, features, stack, depthOf, rng);
      this.trees.push(tree);
    }
  }

  private grow(tree: RegressionTree, x: Float64Array, y: Float64Array, sample: Int32Array, n: number, width: number, maxFeatures: number, features: Int32Array, stack: Int32Array, depthOf: Int32Array, rng: Rng): void {
    const s = this.settings;
    let top = 0;
    const root = tree.addNode();
    stack[0] = root;
    stack[1] = 0;
    stack[2] = n;
    depthOf[root] = 0;
    top = 1;
    while (top > 0) {
      top--;
      const node = stack[3 * top];
      const start = stack[3 * top + 1];
      const end = stack[3 * top + 2];
      const count = end - start;
      let sum = 0;
      let sumSq = 0;
      for (let i = start; i < end; i++) {
        const v = y[sample[i]];
        sum += v;
        sumSq += v * v;
      }
      const impurityTimesCount = sumSq - (sum * sum) / count;
      let bestFeature = -1;
      let bestThreshold = 0;
      let bestProxy = -Infinity;
      if (count >= s.minSamplesSplit && count >= 2 * s.minSamplesLeaf && depthOf[node] < s.maxDepth && impurityTimesCount > 1e-12 * Math.max(1, sumSq)) {
        for (let f = 0; f < width; f++) features[f] = f;
        let tried = 0;
        for (let remaining = width; remaining > 0 && tried < maxFeatures; remaining--) {
          // Draw a not-yet-tried feature (partial Fisher-Yates).
          const pick = Math.floor(rng.random() * remaining);
          const feature = features[pick];
          features[pick] = features[remaining - 1];
          features[remaining - 1] = feature;
          let lo = Infinity;
          let hi = -Infinity;
          for (let i = start; i < end; i++) {
            const v = x[sample[i] * width + feature];
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
          if (!(hi > lo)) continue; // constant here: does not count as tried (sklearn)
          tried++;
          let threshold = lo + rng.random() * (hi - lo);
          if (threshold >= hi) threshold = lo;
          let nLeft = 0;
          let sumLeft = 0;
          for (let i = start; i < end; i++) {
            const row = sample[i];
            if (x[row * width + feature] <= threshold) {
              nLeft++;
              sumLeft += y[row];
            }
          }
          const nRight = count - nLeft;
          if (nLeft < s.minSamplesLeaf || nRight < s.minSamplesLeaf) continue;
          const sumRight = sum - sumLeft;
          const proxy = (sumLeft * sumLeft) / nLeft + (sumRight * sumRight) / nRight;
          if (proxy > bestProxy) {
            bestProxy = proxy;
            bestFeature = feature;
            bestThreshold = threshold;
          }
        }
      }
      // Weighted impurity decrease (sklearn): (proxy - sum^2/count) / n_total.
      if (bestFeature < 0 || (bestProxy - (sum * sum) / count) / n < MIN_IMPURITY_DECREASE) {
        tree.feature[node] = -1;
        tree.value[node] = this.leafValue(y, sample, start, end, sum);
        continue;
      }
      // Partition sample[start, end) by the split.
      let i = start;
      let j = end - 1;
      while (i <= j) {
        if (x[sample[i] * width + bestFeature] <= bestThreshold) i++;
        else {
          const tmp = sample[i];
          sample[i] = sample[j];
          sample[j] = tmp;
          j--;
        }
      }
      const left = tree.addNode();
      const right = tree.addNode();
      tree.feature[node] = bestFeature;
      tree.threshold[node] = bestThreshold;
      tree.left[node] = left;
      tree.right[node] = right;
      depthOf[left] = depthOf[node] + 1;
      depthOf[right] = depthOf[node] + 1;
      stack[3 * top] = left;
      stack[3 * top + 1] = start;
      stack[3 * top + 2] = i;
      top++;
      stack[3 * top] = right;
      stack[3 * top + 1] = i;
      stack[3 * top + 2] = end;
      top++;
    }
  }

  private leafValue(y: Float64Array, sample: Int32Array, start: number, end: number, sum: number): number {
    const count = end - start;
    if (!this.settings.logY) return sum / count;
    // log(mean(exp(y))) with the max factored out.
    let max = -Infinity;
    for (let i = start; i < end; i++) max = Math.max(max, y[sample[i]]);
    let acc = 0;
    for (let i = start; i < end; i++) acc += Math.exp(y[sample[i]] - max);
    return max + Math.log(acc / count);
  }

  /** Mean and variance (population, across trees) of the prediction at x; written to out[0], out[1]. */
  predict(x: ArrayLike<number>, out: Float64Array): void {
    const trees = this.trees;
    const m = trees.length;
    let mean = 0;
    for (let t = 0; t < m; t++) {
      const p = trees[t].predict(x);
      this.preds[t] = p;
      mean += p;
    }
    mean /= m;
    let v = 0;
    for (let t = 0; t < m; t++) {
      const d = this.preds[t] - mean;
      v += d * d;
    }
    out[0] = mean;
    out[1] = v / m;
  }
}
