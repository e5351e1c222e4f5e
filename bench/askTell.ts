import { resolveOptions, SearchSpace, type OptimizerFactory, type TaskView } from '../core/index.js';
import { median } from './figure.js';

/** A 10-D continuous box [-5, 5]^10 with a budget large enough for every chunk. */
function continuousView(dimension: number, nTrials: number): TaskView {
  const space = new SearchSpace({
    hyperparameters: Array.from({ length: dimension }, (_, i) => ({ name: `x${i}`, type: 'float' as const, lower: -5, upper: 5, log: false, default: 0 })),
  });
  return { space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials }, type: 'blackbox' };
}

/**
 * Median over chunks of microseconds per ask + tell on a 10-D sphere, after one warm-up chunk:
 * the optimizer's own cost per trial (the task is free).
 */
export async function askTellMicroseconds(factory: OptimizerFactory, chunk: number, chunks: number, dimension = 10): Promise<number> {
  const optimizer = factory.create(continuousView(dimension, chunk * (chunks + 1)), 1, resolveOptions(factory, {}));
  const times: number[] = [];
  try {
    for (let c = 0; c <= chunks; c++) {
      const start = performance.now();
      for (let i = 0; i < chunk; i++) {
        const info = await optimizer.ask();
        let cost = 0;
        for (const value of Object.values(info.config)) cost += (value as number) ** 2;
        await optimizer.tell(info, { cost, status: 'ok', wallTime: 0, virtualTime: 0 });
      }
      if (c > 0) times.push(((performance.now() - start) * 1000) / chunk);
    }
  } finally {
    await optimizer.close?.();
  }
  return median(times);
}
