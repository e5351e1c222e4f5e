/**
 * The conformance suite every optimizer passes (shipped, a plugin's, an `external` program):
 * valid proposals on every kind of search space, crashes survived, a valid incumbent,
 * determinism under a seed and resume by replay, all through the product's run loop.
 * `hpoarena check-optimizer` and the test suite both run it.
 */
export { ConformanceFailure, checkProposal, checkIncumbent, type ToldTrial } from './checks.js';
export { runConformance, type ConformanceRun, type ConformanceRecord } from './driver.js';
export { conformanceCase, primaryType, SHAPES, CONFORMANCE_SEED } from './conformanceCase.js';
export { conformanceSpaces, mixedSpace, type ConformanceSpace } from './spaces.js';
export { viewFor, conformanceTask, syntheticCost, outcome, FIDELITY, type ViewShape } from './syntheticTask.js';
export { suiteCases, runConformanceSuite, PENDING_CASE_K, type SuiteCase, type CaseResult } from './suite.js';
export { checkTaskCollection } from './taskCollection.js';
