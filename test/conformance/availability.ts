import type { OptimizerFactory } from '../../core/index.js';
import { SAMPLER_MODULES, findPythonSync, optunaSamplerOf } from '../../optimizers/external/index.js';

/**
 * Why a registered optimizer cannot run on this machine (external adapters whose Python
 * packages are missing), or undefined. Under CI=true nothing is skipped: a missing
 * component must fail the run there.
 */
export function unavailableReason(factory: OptimizerFactory): string | undefined {
  if (process.env.CI === 'true') return undefined;
  const sampler = optunaSamplerOf(factory.name);
  if (!sampler) return undefined;
  const modules = SAMPLER_MODULES[sampler];
  return findPythonSync(modules) ? undefined : `skipped: no Python with ${modules.join(', ')} found (install python3-optuna; CI installs it)`;
}
