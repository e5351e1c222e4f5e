import type { BenchFigure } from '../figure.js';
import { harnessFigures } from './harness.js';
import { optimizersBasicFigures } from './optimizersBasic.js';
import { bbobFigures } from './bbob.js';
import { subsetFigures } from './subsets.js';
import { yahpoFigures } from './yahpo.js';
import { optimizersModelFigures } from './optimizersModel.js';
import { externalFigures } from './external.js';
import { reportFigures } from './report.js';
import { optimizersMfMoFigures } from './optimizersMfMo.js';
import { qualityFigures } from './quality.js';
import { qualityMoFigures } from './qualityMo.js';
import { qualityMfFigures } from './qualityMf.js';
import { tfjsFigures } from './tfjs.js';
import { reproduceFigures } from './reproduce.js';
import { asyncFigures } from './async.js';
import { pgFigures } from './pg.js';

/** Every figure `npm run bench` knows, in the order they run. */
export const allFigures: BenchFigure[] = [...harnessFigures, ...optimizersBasicFigures, ...bbobFigures, ...subsetFigures, ...yahpoFigures, ...optimizersModelFigures, ...externalFigures, ...reportFigures, ...optimizersMfMoFigures, ...qualityFigures, ...qualityMfFigures, ...qualityMoFigures, ...tfjsFigures, ...pgFigures, ...asyncFigures, ...reproduceFigures];
