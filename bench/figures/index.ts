import type { BenchFigure } from '../figure.js';
import { harnessFigures } from './harness.js';
import { optimizersBasicFigures } from './optimizersBasic.js';
import { optimizersModelFigures } from './optimizersModel.js';
import { bbobFigures } from './bbob.js';
import { subsetFigures } from './subsets.js';
import { yahpoFigures } from './yahpo.js';

/** Every figure `npm run bench` knows, in the order they run. */
export const allFigures: BenchFigure[] = [...harnessFigures, ...optimizersBasicFigures, ...optimizersModelFigures, ...bbobFigures, ...subsetFigures, ...yahpoFigures];
