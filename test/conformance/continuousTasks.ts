/** Continuous synthetic tasks and a sequential loop, shared by the family tests of test/optimizers/. */
import { SearchSpace, resolveOptions, type Config, type OptimizerFactory, type Options, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';

/** A d-dimensional float space on [-5, 5]^d (unit-cube coordinate u = (x + 5) / 10). */
export function boxView(d: number, nTrials = 100): TaskView {
  const space = new SearchSpace({
    hyperparameters: Array.from({ length: d }, (_, i) => ({ name: `x${i}`, type: 'float' as const, lower: -5, upper: 5, log: false, default: 0 })),
  });
  return { space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials }, type: 'blackbox' };
}

/** Sphere on the unit-cube coordinates around `centre`. */
export function unitSphere(centre = 0.3): (config: Config) => number {
  return (config) => {
    let s = 0;
    for (const v of Object.values(config)) s += (((v as number) + 5) / 10 - centre) ** 2;
    return s;
  };
}

export function ok(cost: number): TrialValue {
  return { cost, status: 'ok', wallTime: 0, virtualTime: 0 };
}

export const crashed: TrialValue = { cost: NaN, status: 'crashed', wallTime: 0, virtualTime: 0 };

/** Sequential ask -> tell for `budget` trials (or until `target`); the best cost and trials used. */
export function minimize(
  factory: OptimizerFactory,
  view: TaskView,
  f: (config: Config) => number | undefined,
  seed: number,
  budget: number,
  options: Options = {},
  target = -Infinity,
): { best: number; evaluations: number } {
  const optimizer = factory.create(view, seed, resolveOptions(factory, options));
  let best = Infinity;
  let evaluations = 0;
  while (evaluations < budget && best > target) {
    const info = optimizer.ask() as TrialInfo;
    const cost = f(info.config);
    evaluations++;
    if (cost === undefined) optimizer.tell(info, crashed);
    else {
      best = Math.min(best, cost);
      optimizer.tell(info, ok(cost));
    }
  }
  return { best, evaluations };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
