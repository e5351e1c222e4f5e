import { test } from 'node:test';
import { allOptimizers } from '../../optimizers/registry.js';
import { unavailableReason } from './availability.js';
import { conformanceCase, primaryType, conformanceSpaces } from '../../runner/conformance/index.js';

/** Every registered optimizer on the 50-D mixed space (30 trials): the slow case of model-based optimizers. */
const highDimensional = conformanceSpaces().find((s) => s.name === '50d');
if (!highDimensional) throw new Error("The conformance spaces lost the '50d' space.");
for (const factory of allOptimizers()) {
  const { name, space, nTrials } = highDimensional;
  test(`optimizer '${factory.name}' conforms on space '${name}' (${nTrials} trials, ${primaryType(factory)})`, { timeout: 120_000, skip: unavailableReason(factory) }, () =>
    conformanceCase(factory, space, primaryType(factory), nTrials, `space '${name}'`),
  );
}
