/**
 * Example optimizer plugin in plain JavaScript (no build step): random search that tries the
 * space's default config first. It declares every task type: on multi-fidelity tasks it
 * proposes no fidelity (meaning the maximum), on multi-objective tasks its incumbent is the
 * non-dominated set that IncumbentTracker keeps.
 *
 *   npx hpoarena check-optimizer defaults-first --plugin defaultsFirst.js
 *   npx hpoarena run --plugin defaultsFirst.js --optimizers defaults-first --tasks 'Pymoo/SO/*'
 */
import { IncumbentTracker, Rng, registerOptimizer } from 'hpoarena';

/** @type {import('hpoarena').OptimizerFactory} */
export const defaultsFirstFactory = {
  name: 'defaults-first',
  description: 'The default config, then uniform random samples (example plugin).',
  supports: ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective'],
  options: {},
  create(view, seed) {
    const rng = new Rng(seed);
    const incumbent = new IncumbentTracker(view.fidelity?.max);
    const defaults = view.space.defaultConfig();
    // Defaults are not checked against forbidden clauses: skip them when they hit one.
    let triedDefault = view.space.isForbidden(defaults);
    return {
      ask() {
        if (!triedDefault) {
          triedDefault = true;
          return { config: defaults };
        }
        return { config: view.space.sample(rng) };
      },
      tell(info, value) {
        incumbent.observe(info, value);
      },
      incumbent: () => incumbent.get(),
    };
  },
};

registerOptimizer(defaultsFirstFactory);
