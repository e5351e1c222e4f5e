/**
 * Shipped baselines: the default portfolio's runs on each shipped subset, kept in the
 * repository (results/baselines/<type>/<set>/) with a manifest of hashes, so a user ranks a
 * new optimizer against them without re-running them, and anyone can re-run them to check.
 */
export { BASELINE_PORTFOLIOS } from './portfolio.js';
export { SHIPPED_BASELINES_DIR, baselineDir, parseSubsetName, type SubsetName } from './location.js';
export { BASELINES_FORMAT, type BaselineEntry, type BaselineManifest, listBaselineSubsets, manifestPath, readManifest, readVerified, sha256 } from './manifest.js';
export { type ShippedRun, type ShippedTrial, decodeRuns, encodeRuns, trialRecords } from './runFile.js';
export { type LoadOptions, type LoadedBaselines, loadBaselines } from './loadBaselines.js';
export { addFinishedRuns, toShippedRun } from './storeRuns.js';
export { HPOARENA_VERSION, type WriteOptions, writeBaselines } from './writeBaselines.js';
export { type ComputeBaselinesOptions, baselineExperimentName, computeBaselines } from './computeBaselines.js';
export { type CombinedExperiment, combineWithBaselines, compactSeeds } from './combineWithBaselines.js';
export { type RunDifference, firstDifference } from './compareRuns.js';
export { type RankRow, type ReproduceOptions, type ReproduceResult, type RunVerdict, reproduceBaselines, sampleRuns } from './reproduce.js';
