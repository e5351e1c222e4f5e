/**
 * Task subsets by star discrepancy (CARP-S style): tasks become points (normalized final
 * performance of reference optimizers), and small disjoint dev/test sets with the lowest
 * L-infinity star discrepancy are picked by the shift heuristic.
 */
export { type Box, type ValuedBox, boxValue, boxVolume, countInBox } from './box.js';
export { bruteForceDiscrepancy } from './bruteForce.js';
export { type ComputeSubsetsOptions, type ComputedSubsets, type SubsetPlan, computeSubsets, planSubsets, readFinalCosts } from './compute.js';
export { parsePointsCsv, readPointsCsv } from './csv.js';
export { DISCREPANCY_METHODS, type DiscrepancyMethod, type DiscrepancyReport, starDiscrepancy } from './discrepancy.js';
export { DemSolver, type DemOptions, exactDiscrepancy } from './dem.js';
export { DEFAULT_REFERENCE_OPTIMIZERS, type EmbeddingOptions, type FinalCostRow, type TaskEmbedding, embedTasks, parseTaskType } from './embedding.js';
export { type RunSource, type TaskTypeLookup, finalCost, finalCostRows, inferTaskType } from './finalCosts.js';
export { haltonPoints } from './halton.js';
export { type PointSet, pickPoints, rowsOf, toPointSet } from './pointSet.js';
export { SET_MODES, type SelectedSet, type SetMode, type SetSelectionOptions, selectSets } from './selectSets.js';
export { type ShiftOptions, type ShiftResult, type ShiftStats, shiftSelect } from './shift.js';
export { START_RULES, type StartRule } from './startSubset.js';
export { SHIPPED_SUBSETS_DIR, SUBSET_FORMAT, type SubsetFile, listSubsets, readSubsetFile, resolveSubset, subsetFilePath, writeSubsetFiles } from './subsetFile.js';
export { type ThresholdAcceptingOptions, thresholdAcceptingLowerBound } from './thresholdAccepting.js';
export { CARPS_SUBSETS_FORMAT, CARPS_SUBSETS_PATH, type CarpsSubsetsFile, carpsSubsetsFromCsv, listCarpsSubsets, readCarpsSubsets, resolveCarpsSubset } from './carpsSubsets.js';
export { type UnavailableTask, requireRunnable, splitRunnable } from './runnableTasks.js';
