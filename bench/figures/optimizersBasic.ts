import { cmaesFactory } from '../../optimizers/cmaes/cmaes.js';
import { differentialEvolutionFactory } from '../../optimizers/de/differentialEvolution.js';
import type { BenchFigure } from '../figure.js';
import { askTellMicroseconds } from '../askTell.js';

const CHUNK = 500;
const CHUNKS = 9;

export const optimizersBasicFigures: BenchFigure[] = [
  {
    name: 'cmaes.ask_us',
    unit: 'us',
    async run() {
      return { value: await askTellMicroseconds(cmaesFactory, CHUNK, CHUNKS), note: `median us per ask+tell, 10-D continuous sphere, chunks of ${CHUNK}` };
    },
  },
  {
    name: 'de.ask_us',
    unit: 'us',
    async run() {
      return { value: await askTellMicroseconds(differentialEvolutionFactory, CHUNK, CHUNKS), note: `median us per ask+tell, 10-D continuous sphere, chunks of ${CHUNK}` };
    },
  },
];
