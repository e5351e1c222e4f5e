import { SpecError } from '../errors.js';
import type { Rng } from '../rng.js';
import { resolve } from './assemble.js';
import type { CompiledSpace } from './compiledSpace.js';
import { showForbidden } from './describe.js';
import { hitForbidden } from './forbiddens.js';
import type { Config, Value } from './types.js';

/** Draws past this many forbidden configurations in a row mean the clauses exclude (almost) everything. */
const MAX_FORBIDDEN_REJECTIONS = 1000;

/**
 * A random configuration: active parameters only (drawn parents first), redrawn while it hits a
 * forbidden clause. The draws depend only on the Rng's state.
 */
export function sampleConfig(space: CompiledSpace, rng: Rng): Config {
  if (space.forbiddens.length === 0) return draw(space, rng);
  for (let attempt = 0; attempt < MAX_FORBIDDEN_REJECTIONS; attempt++) {
    const config = draw(space, rng);
    if (hitForbidden(space.forbiddens, config) === undefined) return config;
  }
  const clauses = space.forbiddens.map((f) => showForbidden(f.clause)).join('; ');
  throw new SpecError(`Could not sample a configuration outside the forbidden clauses in ${MAX_FORBIDDEN_REJECTIONS} tries; they exclude (almost) the whole space: ${clauses}`);
}

function draw(space: CompiledSpace, rng: Rng): Config {
  const draws = space.draws;
  if (!space.conditioned) {
    // Fast path: every parameter active, drawn in names order.
    const names = space.names;
    const config: Record<string, Value> = {};
    for (let i = 0; i < names.length; i++) config[names[i]] = draws[i](rng);
    return config;
  }
  return resolve(space, (i) => draws[i](rng));
}
