/**
 * The public surface of `import ... from 'hpoarena'`: what a method developer needs to write
 * an optimizer or a task collection, run experiments from code, check conformance and
 * analyse results. Everything else is internal and may change between versions.
 * docs/api.md describes each group.
 */

// Core contracts: search spaces, tasks, optimizers, trials, the seeded RNG, errors.
export {
  SearchSpace,
  type Config, type Value, type Hyperparameter, type HyperparameterType, type FloatHyperparameter, type IntHyperparameter,
  type CategoricalHyperparameter, type OrdinalHyperparameter, type ConstantHyperparameter, type Prior,
  type Condition, type ConditionClause, type Forbidden, type SearchSpaceDefinition, type ConfigSpaceFormat,
} from './core/index.js';
export {
  TASK_TYPES, taskTypeOf, viewOf, defaultNTrials,
  type Task, type TaskView, type TaskType, type TaskMetadata, type Objective, type Fidelity, type Budget, type SimulatedTime,
} from './core/index.js';
export { type TrialInfo, type TrialValue, type TrialStatus, type IncumbentEntry } from './core/index.js';
export { resolveOptions, type Optimizer, type OptimizerFactory, type OptionSpec, type Options, type OptionValue } from './core/index.js';
export { IncumbentTracker } from './core/index.js';
export { Rng, deriveRng, mixSeeds } from './core/index.js';
export { HpoArenaError, UnknownNameError, InvalidConfigError, SpecError, StoreError, DataMissingError } from './core/index.js';

// Registries: what `--plugin` modules call, and how a name becomes an optimizer or a task.
export { registerOptimizer, getOptimizerFactory, allOptimizers, createOptimizer } from './optimizers/index.js';
export {
  registerTaskCollection, allCollections, listTasks, createTask, vectorTask, boxSpace,
  type TaskCollection, type TaskContext, type TaskDescriptor, type VectorProblem,
} from './benchmarks/index.js';

// Runner entry points: plan and run experiments into a store, the one ask-evaluate-tell loop, export.
export {
  planExperiment, runExperiment, parseSeeds, parseOptimizerEntry, readSpecFile, parseSpec, loadPlugins,
  type ExperimentSpec, type OptimizerEntry, type SpecFile, type RunExperimentOptions, type ExperimentOutcome, type PlannedExperiment,
} from './runner/index.js';
export { openStore, openSqliteStore, DEFAULT_STORE_PATH, type Store, type SqliteStore, type TrialRecord } from './runner/index.js';
export { runLoop, trialSeed, evaluateChecked, type LoopInput, type LoopResult } from './runner/index.js';
export { exportTrials, EXPORT_COLUMNS, PARALLEL_EXPORT_COLUMNS, type ExportFormat } from './runner/index.js';

// Conformance: the suite of `hpoarena check-optimizer`, and the contract checks of a task collection.
export {
  runConformanceSuite, conformanceCase, suiteCases, conformanceSpaces, checkTaskCollection, ConformanceFailure,
  type CaseResult, type SuiteCase, type ConformanceSpace,
} from './runner/index.js';

// Analysis entry points: a store to ranked, tested tables and a report; multi-objective metrics.
export { analyzeExperiment, writeReport, type Analysis, type AnalysisOptions, type WriteReportOptions, type WrittenReport } from './analysis/index.js';
export { igdPlus } from './analysis/index.js';
export { hypervolume, nonDominated } from './core/index.js';
export { friedmanTest, nemenyiTest, wilcoxonSignedRank, holmAdjust } from './analysis/index.js';

// Shipped subsets and baselines: task ids of a subset, the shipped baseline runs, a user's runs ranked against them, reproduction.
export { resolveSubset, resolveCarpsSubset } from './subsets/index.js';
export {
  loadBaselines, combineWithBaselines, reproduceBaselines, BASELINE_PORTFOLIOS,
  type ShippedRun, type LoadedBaselines, type CombinedExperiment, type ReproduceResult, type ReproduceOptions,
} from './baselines/index.js';
