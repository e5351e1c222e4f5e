import { resolveOptions, SearchSpace, type OptimizerFactory, type TaskView } from '../../core/index.js';
import { cmaesFactory } from '../../optimizers/cmaes/cmaes.js';
import { differentialEvolutionFactory } from '../../optimizers/de/differentialEvolution.js';
import { median, type BenchFigure } from '../figure.js';

const DIMENSION = 10;
const CHUNK = 500;
const CHUNKS = 9;

function continuousView(): TaskView {
  const space = new SearchSpace({
    hyperparameters: Array.from({ length: DIMENSION }, (_, i) => ({ name: `x${i}`, type: 'float' as const, lower: -5, upper: 5, log: false, default: 0 })),
  });
  return { space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials: CHUNK * (CHUNKS + 1) }, type: 'blackbox' };
}

/** Median over chunks of microseconds per ask + tell on a 10-D sphere (after one warm-up chunk). */
async function askTellMicroseconds(factory: OptimizerFactory): Promise<number> {
  const view = continuousView();
  const optimizer = factory.create(view, 1, resolveOptions(factory, {}));
  const times: number[] = [];
  for (let chunk = 0; chunk <= CHUNKS; chunk++) {
    const start = performance.now();
    for (let i = 0; i < CHUNK; i++) {
      const info = await optimizer.ask();
      let cost = 0;
      for (const value of Object.values(info.config)) cost += (value as number) ** 2;
      await optimizer.tell(info, { cost, status: 'ok', wallTime: 0, virtualTime: 0 });
    }
    if (chunk > 0) times.push(((performance.now() - start) * 1000) / CHUNK);
  }
  return median(times);
}

export const optimizersBasicFigures: BenchFigure[] = [
  {
    name: 'cmaes.ask_us',
    unit: 'us',
    async run() {
      return { value: await askTellMicroseconds(cmaesFactory), note: `median us per ask+tell, 10-D continuous sphere, chunks of ${CHUNK}` };
    },
  },
  {
    name: 'de.ask_us',
    unit: 'us',
    async run() {
      return { value: await askTellMicroseconds(differentialEvolutionFactory), note: `median us per ask+tell, 10-D continuous sphere, chunks of ${CHUNK}` };
    },
  },
];
