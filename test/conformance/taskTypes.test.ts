import { describe, test } from 'node:test';
import { allOptimizers } from '../../optimizers/registry.js';
import { unavailableReason } from './availability.js';
import { conformanceCase, mixedSpace } from '../../runner/conformance/index.js';

/** Every registered optimizer on the multi-fidelity / multi-objective task types it declares. */
const N_TRIALS = 40;
for (const factory of allOptimizers()) {
  describe(`optimizer '${factory.name}' conforms on the task types it supports`, { skip: unavailableReason(factory) }, () => {
    for (const type of factory.supports.filter((t) => t !== 'blackbox')) {
      test(`${type} task`, { timeout: 120_000 }, () => conformanceCase(factory, mixedSpace(), type, N_TRIALS, 'mixed space'));
    }
  });
}
