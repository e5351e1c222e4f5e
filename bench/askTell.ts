import { resolveOptions, SearchSpace, type Optimizer, type OptimizerFactory, type Options, type TaskView } from '../core/index.js';
import { median } from './figure.js';

/** A 10-D continuous box [-5, 5]^10 with a budget large enough for every chunk. */
function continuousView(dimension: number, nTrials: number): TaskView {
  const space = new SearchSpace({
    hyperparameters: Array.from({ length: dimension }, (_, i) => ({ name: `x${i}`, type: 'float' as const, lower: -5, upper: 5, log: false, default: 0 })),
  });
  return { space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials }, type: 'blackbox' };
}

/** One optimizer on the 10-D sphere, timed chunk by chunk (so several can be interleaved). */
export class AskTellSession {
  private readonly optimizer: Optimizer;

  constructor(factory: OptimizerFactory, budget: number, dimension = 10, options: Options = {}) {
    this.optimizer = factory.create(continuousView(dimension, budget), 1, resolveOptions(factory, options));
  }

  /** Microseconds per ask + tell over `n` trials (the task is free). */
  async chunk(n: number): Promise<number> {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const info = await this.optimizer.ask();
      let cost = 0;
      for (const value of Object.values(info.config)) cost += (value as number) ** 2;
      await this.optimizer.tell(info, { cost, status: 'ok', wallTime: 0, virtualTime: 0 });
    }
    return ((performance.now() - start) * 1000) / n;
  }

  async close(): Promise<void> {
    await this.optimizer.close?.();
  }
}

/**
 * Median over chunks of microseconds per ask + tell on a 10-D sphere, after one warm-up chunk:
 * the optimizer's own cost per trial (the task is free).
 */
export async function askTellMicroseconds(factory: OptimizerFactory, chunk: number, chunks: number, dimension = 10): Promise<number> {
  const session = new AskTellSession(factory, chunk * (chunks + 1), dimension);
  const times: number[] = [];
  try {
    for (let c = 0; c <= chunks; c++) {
      const time = await session.chunk(chunk);
      if (c > 0) times.push(time);
    }
  } finally {
    await session.close();
  }
  return median(times);
}
