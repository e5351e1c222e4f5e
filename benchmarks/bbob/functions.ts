import { instanceSpec } from './instance.js';
import { attractiveSector, rosenbrock, rosenbrockRotated, stepEllipsoid } from './moderate.js';
import { bentCigar, differentPowers, discus, ellipsoidRotated, sharpRidge } from './illConditioned.js';
import { gallagher101, gallagher21 } from './gallagher.js';
import { griewankRosenbrock, rastriginRotated, schaffers10, schaffers1000, weierstrass } from './multimodal.js';
import type { BbobProblem, FunctionBuilder } from './problem.js';
import { buecheRastrigin, ellipsoid, linearSlope, rastrigin, sphere } from './separable.js';
import { checkTaskKey } from './taskId.js';
import { katsuura, lunacekBiRastrigin, schwefel } from './weakStructure.js';

export interface BbobFunctionInfo {
  readonly name: string;
  /** Whether evaluation applies a d x d rotation (f6, f7, f9-f19, f21-f24). */
  readonly rotated: boolean;
  readonly build: FunctionBuilder;
}

/** The 24 noiseless BBOB functions by id, named as in COCO's documentation. */
export const BBOB_FUNCTIONS: Readonly<Record<number, BbobFunctionInfo>> = {
  1: { name: 'Sphere', rotated: false, build: sphere },
  2: { name: 'Separable Ellipsoid', rotated: false, build: ellipsoid },
  3: { name: 'Rastrigin', rotated: false, build: rastrigin },
  4: { name: 'Bueche-Rastrigin', rotated: false, build: buecheRastrigin },
  5: { name: 'Linear Slope', rotated: false, build: linearSlope },
  6: { name: 'Attractive Sector', rotated: true, build: attractiveSector },
  7: { name: 'Step Ellipsoid', rotated: true, build: stepEllipsoid },
  8: { name: 'Rosenbrock, original', rotated: false, build: rosenbrock },
  9: { name: 'Rosenbrock, rotated', rotated: true, build: rosenbrockRotated },
  10: { name: 'Ellipsoid', rotated: true, build: ellipsoidRotated },
  11: { name: 'Discus', rotated: true, build: discus },
  12: { name: 'Bent Cigar', rotated: true, build: bentCigar },
  13: { name: 'Sharp Ridge', rotated: true, build: sharpRidge },
  14: { name: 'Different Powers', rotated: true, build: differentPowers },
  15: { name: 'Rastrigin, rotated', rotated: true, build: rastriginRotated },
  16: { name: 'Weierstrass', rotated: true, build: weierstrass },
  17: { name: 'Schaffers F7', rotated: true, build: schaffers10 },
  18: { name: 'Schaffers F7, ill-conditioned', rotated: true, build: schaffers1000 },
  19: { name: 'Composite Griewank-Rosenbrock F8F2', rotated: true, build: griewankRosenbrock },
  20: { name: 'Schwefel x*sin(x)', rotated: false, build: schwefel },
  21: { name: 'Gallagher 101 peaks', rotated: true, build: gallagher101 },
  22: { name: 'Gallagher 21 peaks', rotated: true, build: gallagher21 },
  23: { name: 'Katsuura', rotated: true, build: katsuura },
  24: { name: 'Lunacek bi-Rastrigin', rotated: true, build: lunacekBiRastrigin },
};

/**
 * Builds BBOB function `fid` (1..24) in `dimension` (2..1000) variables, instance `instance` (0..200000);
 * throws UnknownNameError / SpecError outside those.
 */
export function bbobProblem(fid: number, dimension: number, instance: number): BbobProblem {
  checkTaskKey({ fid, dimension, instance });
  const info = BBOB_FUNCTIONS[fid];
  const spec = instanceSpec(fid, dimension, instance);
  const built = info.build(spec);
  return { fid, name: info.name, dimension, instance, fopt: spec.fopt, xopt: built.xopt, evaluate: built.evaluate };
}
