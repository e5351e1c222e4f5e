import type { OptimizerFactory } from '../../core/index.js';
import { paregoScalarization } from '../parego/parego.js';
import { SMAC_MF_OPTIONS, smacBracketOptimizer } from '../smacMf/smacMf.js';

/**
 * SMAC3's multi-fidelity multi-objective recipe (MultiFidelityFacade with ParEGO, CARP-S's
 * SMAC3-MOMF-RF / -GP): Hyperband brackets whose new configurations come from the surrogate of a
 * random augmented Chebyshev scalarization; Successive Halving promotes by non-domination rank and
 * crowding distance, as SMAC3's multi-objective intensifier does.
 */
export const momfParegoFactory: OptimizerFactory = {
  name: 'momf-parego',
  description:
    "SMAC3 multi-fidelity multi-objective (MultiFidelityFacade + ParEGO): Hyperband brackets, new configs from the 'rf' (default) or 'gp' surrogate of a random augmented Chebyshev scalarization (rho 0.05, min/max-normalized objectives), promotions by Pareto rank then crowding distance.",
  supports: ['multi-fidelity-multi-objective'],
  options: {
    ...SMAC_MF_OPTIONS,
    model: { type: 'string', default: 'rf', choices: ['rf', 'gp'], description: "Surrogate: the 'rf' optimizer's random forest (SMAC3 MOMF-RF, the MultiFidelityFacade's) or the 'gp' optimizer's GP (MOMF-GP)." },
    rho: { type: 'number', default: 0.05, min: 0, description: 'Weight of the sum term of the augmented Chebyshev scalarization (SMAC3 ParEGO: 0.05).' },
  },
  create: (view, seed, options) => smacBracketOptimizer('momf-parego', options.model === 'gp' ? 'gp' : 'rf', view, seed, options, paregoScalarization(options.rho as number)),
};
