export { PROTOCOL_VERSION, type Request, type Response } from './protocol.js';
export { ExternalOptimizer, type ExternalLaunch } from './externalOptimizer.js';
export { ExternalOptimizerError, type Timeouts } from './connection.js';
export type { LaunchSpec } from './childProgram.js';
export { externalFactory, REFERENCE_CLIENT } from './externalFactory.js';
export { optunaFactories, OPTUNA_ADAPTER, SAMPLER_MODULES, optunaSamplerOf } from './optunaFactories.js';
export { findPython, findPythonSync, pythonCandidates } from './python.js';

import type { OptimizerFactory } from '../../core/index.js';
import { externalFactory } from './externalFactory.js';
import { optunaFactories } from './optunaFactories.js';

/** Every external factory by name, for optimizers/registry.ts: `external` and the `external:optuna-*` adapters. */
export const externalFactories: Record<string, OptimizerFactory> = Object.fromEntries([externalFactory, ...optunaFactories].map((f) => [f.name, f]));
