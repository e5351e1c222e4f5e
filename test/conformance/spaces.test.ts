import { describe, test } from 'node:test';
import { allOptimizers } from '../../optimizers/registry.js';
import { unavailableReason } from './availability.js';
import { conformanceCase, primaryType, conformanceSpaces } from '../../runner/conformance/index.js';

/**
 * Every registered optimizer (present and future) on every conformance space: proposals valid,
 * crashes survived, budget exhausted and one more ask, incumbent valid, deterministic under a seed.
 * Optimizers that do not support blackbox tasks run on the simplest task type they support.
 * The 50-D space has its own file (highDimensional.test.ts) so the two run in parallel.
 */
const spaces = conformanceSpaces().filter((s) => s.name !== '50d');
for (const factory of allOptimizers()) {
  const type = primaryType(factory);
  describe(`optimizer '${factory.name}' conforms on every test space (${type})`, { skip: unavailableReason(factory) }, () => {
    for (const { name, space, nTrials } of spaces) {
      test(`space '${name}' (${nTrials} trials)`, { timeout: 120_000 }, () => conformanceCase(factory, space, type, nTrials, `space '${name}'`));
    }
  });
}
